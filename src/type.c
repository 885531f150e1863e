/*
 * type.c: C types for x86-64 System V (LP64): construction, predicates,
 * the conversions of C11 6.3, compatibility (6.2.7) and struct layout.
 *
 * Sugar: a type spelled through a typedef or with qualifiers is a shallow
 * copy of the type it was made from (`origin`), so the printer can spell
 * it as the user did while everything else looks through it with
 * type_canon().  Struct, union and enum bodies live in a shared StructDef /
 * EnumDef, so a type made before the body was seen sees the members later.
 */
#include "cotan.h"

#include <string.h>

static Type *new_basic(TypeKind kind, int64_t size, int align, bool is_unsigned) {
  Type *ty = new_of(Type);
  ty->kind = kind;
  ty->size = size;
  ty->align = align;
  ty->is_unsigned = is_unsigned;
  ty->array_len = -1;
  return ty;
}

Type *ty_void = &(Type){.kind = TY_VOID, .size = 1, .align = 1, .array_len = -1};
Type *ty_bool = &(Type){.kind = TY_BOOL, .size = 1, .align = 1, .is_unsigned = true, .array_len = -1};
Type *ty_char = &(Type){.kind = TY_CHAR, .size = 1, .align = 1, .array_len = -1};
Type *ty_schar = &(Type){.kind = TY_SCHAR, .size = 1, .align = 1, .array_len = -1};
Type *ty_uchar = &(Type){.kind = TY_UCHAR, .size = 1, .align = 1, .is_unsigned = true, .array_len = -1};
Type *ty_short = &(Type){.kind = TY_SHORT, .size = 2, .align = 2, .array_len = -1};
Type *ty_ushort = &(Type){.kind = TY_USHORT, .size = 2, .align = 2, .is_unsigned = true, .array_len = -1};
Type *ty_int = &(Type){.kind = TY_INT, .size = 4, .align = 4, .array_len = -1};
Type *ty_uint = &(Type){.kind = TY_UINT, .size = 4, .align = 4, .is_unsigned = true, .array_len = -1};
Type *ty_long = &(Type){.kind = TY_LONG, .size = 8, .align = 8, .array_len = -1};
Type *ty_ulong = &(Type){.kind = TY_ULONG, .size = 8, .align = 8, .is_unsigned = true, .array_len = -1};
Type *ty_llong = &(Type){.kind = TY_LLONG, .size = 8, .align = 8, .array_len = -1};
Type *ty_ullong = &(Type){.kind = TY_ULLONG, .size = 8, .align = 8, .is_unsigned = true, .array_len = -1};
Type *ty_int128 = &(Type){.kind = TY_INT128, .size = 16, .align = 16, .array_len = -1};
Type *ty_uint128 = &(Type){.kind = TY_UINT128, .size = 16, .align = 16, .is_unsigned = true, .array_len = -1};
Type *ty_float = &(Type){.kind = TY_FLOAT, .size = 4, .align = 4, .array_len = -1};
Type *ty_double = &(Type){.kind = TY_DOUBLE, .size = 8, .align = 8, .array_len = -1};
Type *ty_ldouble = &(Type){.kind = TY_LDOUBLE, .size = 16, .align = 16, .array_len = -1};
Type *ty_float128 = &(Type){.kind = TY_FLOAT128, .size = 16, .align = 16, .array_len = -1};

/* ---------------------------------------------------------------------- */
/* Records made before their body was seen                                 */
/* ---------------------------------------------------------------------- */

/* Every Type object that names an incomplete struct or union, so that
 * completing the body can fill in their size and alignment (copies made
 * before the definition would otherwise keep size -1).  Kept per body, in
 * a list indexed by the body's id; a body without id shares slot 0.
 * (Enums need no such list: before their body they are int-sized, as gcc
 * assumes.) */
static Vec pending_records; /* Vec * per StructDef id */

static void remember_pending(Vec *table, int id, Type *ty) {
  if (id < 0)
    id = 0;
  while (table->len <= id)
    vec_push(table, new_of(Vec));
  vec_push(vec_get(Vec, table, id), ty);
}

/* Watches a new Type that names an incomplete body. */
static void track_incomplete(Type *ty) {
  if ((ty->kind == TY_STRUCT || ty->kind == TY_UNION) && ty->sdef && !ty->sdef->is_complete)
    remember_pending(&pending_records, ty->sdef->id, ty);
}

static void complete_pending_records(StructDef *def) {
  int id = def->id < 0 ? 0 : def->id;
  if (id >= pending_records.len)
    return;
  Vec *list = vec_get(Vec, &pending_records, id);
  int kept = 0;
  for (int i = 0; i < list->len; i++) {
    Type *ty = list->items[i];
    if (ty->sdef == def) {
      ty->size = def->size;
      ty->align = def->align;
    } else {
      list->items[kept++] = ty;
    }
  }
  list->len = kept;
}

/* ---------------------------------------------------------------------- */
/* Construction                                                           */
/* ---------------------------------------------------------------------- */

Type *type_copy(Type *ty) {
  Type *copy = new_of(Type);
  *copy = *ty;
  copy->origin = ty;
  track_incomplete(copy);
  return copy;
}

Type *type_qualified(Type *ty, int quals) {
  if ((ty->quals | quals) == ty->quals)
    return ty;
  Type *copy = type_copy(ty);
  copy->quals |= quals;
  return copy;
}

/* Peels qualifier-only copies; a typedef spelling stays (its own
 * qualifiers, if the typedef'd type had any, are dropped with a new copy). */
Type *type_unqualified(Type *ty) {
  if (!ty->quals)
    return ty;
  while (ty->quals && ty->origin && !ty->typedef_obj)
    ty = ty->origin;
  if (!ty->quals)
    return ty;
  Type *copy = type_copy(ty);
  copy->quals = 0;
  return copy;
}

Type *type_canon(Type *ty) {
  while (ty->origin)
    ty = ty->origin;
  return ty;
}

Type *pointer_to(Type *base) {
  Type *ty = new_basic(TY_PTR, 8, 8, true);
  ty->base = base;
  return ty;
}

Type *array_of(Type *base, int64_t len) {
  Type *ty = new_basic(TY_ARRAY, -1, base->align, false);
  ty->base = base;
  ty->array_len = len;
  if (len >= 0 && base->size >= 0)
    ty->size = base->size * len;
  return ty;
}

Type *vla_of(Type *base, Node *len_expr) {
  Type *ty = array_of(base, -1);
  ty->len_expr = len_expr;
  ty->is_vla = true;
  return ty;
}

Type *func_type(Type *return_ty) {
  /* sizeof on a function is a GNU extension giving 1. */
  Type *ty = new_basic(TY_FUNC, 1, 1, false);
  ty->return_ty = return_ty;
  return ty;
}

Type *complex_of(Type *base) {
  Type *real = type_canon(base);
  Type *ty = new_basic(TY_COMPLEX, real->size * 2, real->align, false);
  ty->base = base;
  return ty;
}

Type *struct_type(StructDef *def) {
  Type *ty = new_basic(def->is_union ? TY_UNION : TY_STRUCT, -1, 1, false);
  ty->sdef = def;
  if (def->is_complete) {
    ty->size = def->size;
    ty->align = def->align;
  }
  track_incomplete(ty);
  return ty;
}

Type *enum_type(EnumDef *def) {
  /* Before the body is seen (a GNU forward declaration) an enum is int-sized. */
  Type *ty = new_basic(TY_ENUM, 4, 4, false);
  ty->edef = def;
  if (def->is_complete && def->fixed_ty) {
    ty->size = def->fixed_ty->size;
    ty->align = def->fixed_ty->align;
    ty->is_unsigned = def->fixed_ty->is_unsigned;
  }
  track_incomplete(ty);
  return ty;
}

/* ---------------------------------------------------------------------- */
/* Predicates                                                             */
/* ---------------------------------------------------------------------- */

bool is_integer(const Type *ty) {
  switch (ty->kind) {
  case TY_BOOL: case TY_CHAR: case TY_SCHAR: case TY_UCHAR:
  case TY_SHORT: case TY_USHORT: case TY_INT: case TY_UINT:
  case TY_LONG: case TY_ULONG: case TY_LLONG: case TY_ULLONG:
  case TY_INT128: case TY_UINT128: case TY_ENUM:
    return true;
  default:
    return false;
  }
}

bool is_floating(const Type *ty) {
  return ty->kind == TY_FLOAT || ty->kind == TY_DOUBLE || ty->kind == TY_LDOUBLE ||
         ty->kind == TY_FLOAT128;
}

bool is_complex(const Type *ty) { return ty->kind == TY_COMPLEX; }
bool is_arith(const Type *ty) { return is_integer(ty) || is_floating(ty) || is_complex(ty); }
bool is_pointer(const Type *ty) { return ty->kind == TY_PTR; }
bool is_scalar(const Type *ty) { return is_arith(ty) || is_pointer(ty); }
bool is_array(const Type *ty) { return ty->kind == TY_ARRAY; }
bool is_func(const Type *ty) { return ty->kind == TY_FUNC; }
bool is_record(const Type *ty) { return ty->kind == TY_STRUCT || ty->kind == TY_UNION; }
bool is_void(const Type *ty) { return ty->kind == TY_VOID; }
bool is_const(const Type *ty) { return (ty->quals & Q_CONST) != 0; }

/* Records already being visited, so a struct that points to itself ends. */
static bool has_floating_rec(Type *ty, Vec *seen) {
  ty = type_canon(ty);
  switch (ty->kind) {
  case TY_FLOAT: case TY_DOUBLE: case TY_LDOUBLE: case TY_FLOAT128: case TY_COMPLEX:
    return true;
  case TY_PTR: case TY_ARRAY:
    return has_floating_rec(ty->base, seen);
  case TY_STRUCT: case TY_UNION:
    for (int i = 0; i < seen->len; i++)
      if (seen->items[i] == ty->sdef)
        return false;
    vec_push(seen, ty->sdef);
    for (int i = 0; i < ty->sdef->members.len; i++)
      if (has_floating_rec(vec_get(Member, &ty->sdef->members, i)->ty, seen))
        return true;
    return false;
  default:
    return false;
  }
}

bool type_has_floating(Type *ty) {
  Vec seen = {0};
  return has_floating_rec(ty, &seen);
}

/* ---------------------------------------------------------------------- */
/* Compatibility (6.2.7)                                                  */
/* ---------------------------------------------------------------------- */

/* Struct, union and enum types are compatible when they share a body, or
 * carry the same tag (the same type reached through a prototype scope, or
 * the cross-unit rule of 6.2.7p1). */
static bool same_tagged(const char *a, const char *b) {
  return a && b && str_eq(a, b);
}

/* 6.7.6.3p15: a parameter's type is compared after adjustment and with
 * its qualifiers removed. */
static Type *adjusted_param(Type *ty) {
  Type *c = type_canon(ty);
  if (c->kind == TY_ARRAY)
    return pointer_to(c->base);
  if (c->kind == TY_FUNC)
    return pointer_to(ty);
  return c;
}

/* An old-style function type is compatible with a prototype whose
 * parameters survive the default argument promotions (6.7.6.3p15). */
static bool prototype_fits_oldstyle(Type *proto) {
  if (proto->is_variadic)
    return false;
  for (int i = 0; i < proto->params.len; i++) {
    Type *pt = adjusted_param(vec_get(Type, &proto->params, i));
    if (pt->kind == TY_FLOAT || (is_integer(pt) && type_promote(pt) != pt && pt->kind != TY_ENUM))
      return false;
  }
  return true;
}

static bool func_compatible(Type *a, Type *b) {
  if (!type_compatible(a->return_ty, b->return_ty))
    return false;
  if (a->is_oldstyle || b->is_oldstyle) {
    if (a->is_oldstyle && b->is_oldstyle)
      return true;
    return prototype_fits_oldstyle(a->is_oldstyle ? b : a);
  }
  if (a->is_variadic != b->is_variadic || a->params.len != b->params.len)
    return false;
  for (int i = 0; i < a->params.len; i++) {
    Type *pa = adjusted_param(vec_get(Type, &a->params, i));
    Type *pb = adjusted_param(vec_get(Type, &b->params, i));
    if (!type_compatible(pa, pb))
      return false;
  }
  return true;
}

bool type_compatible(Type *a, Type *b) {
  if (a == b)
    return true;
  if (a->quals != b->quals)
    return false;
  a = type_canon(a);
  b = type_canon(b);
  if (a == b)
    return true;
  /* 6.7.2.2p4: an enum is compatible with its underlying integer type. */
  if (a->kind == TY_ENUM && b->kind != TY_ENUM && a->edef->fixed_ty)
    return type_compatible(a->edef->fixed_ty, b);
  if (b->kind == TY_ENUM && a->kind != TY_ENUM && b->edef->fixed_ty)
    return type_compatible(a, b->edef->fixed_ty);
  if (a->kind != b->kind)
    return false;
  switch (a->kind) {
  case TY_PTR:
    return type_compatible(a->base, b->base);
  case TY_COMPLEX:
    return type_compatible(a->base, b->base);
  case TY_ARRAY:
    if (!type_compatible(a->base, b->base))
      return false;
    return a->array_len < 0 || b->array_len < 0 || a->array_len == b->array_len;
  case TY_FUNC:
    return func_compatible(a, b);
  case TY_STRUCT: case TY_UNION:
    return a->sdef == b->sdef || same_tagged(a->sdef->tag, b->sdef->tag);
  case TY_ENUM:
    return a->edef == b->edef || same_tagged(a->edef->tag, b->edef->tag);
  default:
    /* Basic types: the canonical objects are unique per kind. */
    return true;
  }
}

bool type_same_unqual(Type *a, Type *b) {
  Type *ca = type_canon(a);
  Type *cb = type_canon(b);
  if (ca == cb)
    return true;
  return type_compatible(ca, cb);
}

/* ---------------------------------------------------------------------- */
/* Conversions (6.3)                                                      */
/* ---------------------------------------------------------------------- */

/* 6.3.1.1p1 integer conversion rank, for the kinds that have one. */
static int int_rank(const Type *ty) {
  switch (ty->kind) {
  case TY_BOOL: return 0;
  case TY_CHAR: case TY_SCHAR: case TY_UCHAR: return 1;
  case TY_SHORT: case TY_USHORT: return 2;
  case TY_INT: case TY_UINT: return 3;
  case TY_LONG: case TY_ULONG: return 4;
  case TY_LLONG: case TY_ULLONG: return 5;
  case TY_INT128: case TY_UINT128: return 6;
  default: return 3;
  }
}

/* 6.3.1.1p2: types of rank below int (and bit-fields, handled in expr.c)
 * become int; an enum becomes its compatible integer type, promoted. */
Type *type_promote(Type *ty) {
  Type *c = type_canon(ty);
  if (c->kind == TY_ENUM) {
    Type *fixed = c->edef && c->edef->fixed_ty ? c->edef->fixed_ty : ty_int;
    return type_promote(fixed);
  }
  if (!is_integer(c))
    return ty;
  if (int_rank(c) < 3)
    return ty_int;
  return c;
}

/* The canonical integer type of one rank and signedness. */
static Type *int_of_rank(int rank, bool is_unsigned) {
  switch (rank) {
  case 3: return is_unsigned ? ty_uint : ty_int;
  case 4: return is_unsigned ? ty_ulong : ty_long;
  case 5: return is_unsigned ? ty_ullong : ty_llong;
  default: return is_unsigned ? ty_uint128 : ty_int128;
  }
}

/* The 6.3.1.8 rules for two promoted integer types. */
static Type *common_integer(Type *a, Type *b) {
  if (a == b)
    return a;
  int ra = int_rank(a), rb = int_rank(b);
  if (a->is_unsigned == b->is_unsigned)
    return ra >= rb ? a : b;
  Type *u = a->is_unsigned ? a : b;
  Type *s = a->is_unsigned ? b : a;
  if (int_rank(u) >= int_rank(s))
    return u;
  if (s->size > u->size)
    return s;
  return int_of_rank(int_rank(s), true);
}

/* Rank of the real floating types: float < double < long double <
 * _Float128 (gcc's order for x86-64). */
static int float_rank(const Type *ty) {
  switch (ty->kind) {
  case TY_FLOAT: return 1;
  case TY_DOUBLE: return 2;
  case TY_LDOUBLE: return 3;
  case TY_FLOAT128: return 4;
  default: return 0;
  }
}

Type *type_common(Type *a, Type *b) {
  a = type_canon(a);
  b = type_canon(b);
  if (is_complex(a) || is_complex(b)) {
    /* 6.3.1.8: the result is complex, its real type the common real type. */
    Type *ra = is_complex(a) ? type_canon(a->base) : a;
    Type *rb = is_complex(b) ? type_canon(b->base) : b;
    Type *real = type_common(ra, rb);
    if (is_complex(a) && type_canon(a->base) == real)
      return a;
    if (is_complex(b) && type_canon(b->base) == real)
      return b;
    return complex_of(real);
  }
  if (is_floating(a) || is_floating(b)) {
    if (!is_floating(b))
      return a;
    if (!is_floating(a))
      return b;
    return float_rank(a) >= float_rank(b) ? a : b;
  }
  return common_integer(type_canon(type_promote(a)), type_canon(type_promote(b)));
}

Type *type_decay(Type *ty) {
  Type *c = type_canon(ty);
  if (c->kind == TY_ARRAY)
    return pointer_to(c->base);
  if (c->kind == TY_FUNC)
    return pointer_to(ty);
  return type_unqualified(ty);
}

/* ---------------------------------------------------------------------- */
/* Struct layout                                                          */
/* ---------------------------------------------------------------------- */

static int64_t align_up(int64_t n, int64_t align) {
  return align <= 1 ? n : (n + align - 1) / align * align;
}

/* The alignment a member imposes: its type's, unless packed, raised by
 * _Alignas / aligned(N). */
static int member_align(StructDef *def, Member *m) {
  int align = type_canon(m->ty)->align;
  if (align < 1)
    align = 1;
  if (def->is_packed || m->is_packed)
    align = 1;
  if (m->align_as > align)
    align = m->align_as;
  return align;
}

/* Places a bit-field the way gcc does on x86-64: it goes at the current
 * bit unless it would straddle a boundary of its declared type's storage
 * unit (never for packed structs); a zero-width one aligns the next field
 * to its type.  Unnamed bit-fields do not raise the struct's alignment. */
static void place_bitfield(StructDef *def, Member *m, int64_t *bits, int *struct_align) {
  Type *ty = type_canon(m->ty);
  int64_t unit_bits = ty->size * 8;
  bool packed = def->is_packed || m->is_packed;
  if (m->bit_width == 0) {
    *bits = align_up(*bits, unit_bits);
    m->offset = *bits / 8;
    m->bit_offset = 0;
    return;
  }
  if (!packed && unit_bits > 0 &&
      *bits / unit_bits != (*bits + m->bit_width - 1) / unit_bits)
    *bits = align_up(*bits, unit_bits);
  if (m->align_as > 1)
    *bits = align_up(*bits, (int64_t)m->align_as * 8);
  if (packed || unit_bits == 0) {
    m->offset = *bits / 8;
    m->bit_offset = (int)(*bits % 8);
  } else {
    m->offset = (*bits / unit_bits) * ty->size;
    m->bit_offset = (int)(*bits - m->offset * 8);
  }
  *bits += m->bit_width;
  if (m->name) {
    int align = packed ? (m->align_as > 1 ? m->align_as : 1) : member_align(def, m);
    if (align > *struct_align)
      *struct_align = align;
  }
}

void type_layout_struct(StructDef *def) {
  int64_t bits = 0;
  int64_t union_bytes = 0;
  int struct_align = 1;
  for (int i = 0; i < def->members.len; i++) {
    Member *m = vec_get(Member, &def->members, i);
    m->index = i;
    if (def->is_union)
      bits = 0;
    if (m->bit_width >= 0) {
      place_bitfield(def, m, &bits, &struct_align);
    } else {
      Type *ty = type_canon(m->ty);
      int align = member_align(def, m);
      bits = align_up(align_up(bits, 8), (int64_t)align * 8);
      m->offset = bits / 8;
      m->bit_offset = 0;
      /* A flexible array member (6.7.2.1p18) adds no size. */
      int64_t size = ty->size < 0 ? 0 : ty->size;
      bits += size * 8;
      if (align > struct_align)
        struct_align = align;
    }
    if (def->is_union && (bits + 7) / 8 > union_bytes)
      union_bytes = (bits + 7) / 8;
  }
  if (def->attr_align > struct_align)
    struct_align = def->attr_align;
  int64_t bytes = def->is_union ? union_bytes : (bits + 7) / 8;
  def->size = align_up(bytes, struct_align);
  def->align = struct_align;
  def->is_complete = true;
  complete_pending_records(def);
}

/* Searches def and, depth first, its anonymous members; pushes the
 * anonymous members passed through onto path. */
static Member *find_member_in(StructDef *def, const char *name, Vec *path) {
  for (int i = 0; i < def->members.len; i++) {
    Member *m = vec_get(Member, &def->members, i);
    if (m->name) {
      if (str_eq(m->name, name))
        return m;
      continue;
    }
    Type *ty = type_canon(m->ty);
    if (m->bit_width >= 0 || !is_record(ty))
      continue;
    int mark = path ? path->len : 0;
    if (path)
      vec_push(path, m);
    Member *found = find_member_in(ty->sdef, name, path);
    if (found)
      return found;
    if (path)
      path->len = mark;
  }
  return NULL;
}

Member *type_find_member(Type *record, const char *name, Vec *path) {
  Type *ty = type_canon(record);
  if (!is_record(ty) || !ty->sdef)
    return NULL;
  return find_member_in(ty->sdef, name, path);
}
