/* linreg_train.c: linear regression whose parameters are a struct, the C
 * version of JAX's first example (loss, grad, a gradient-descent loop).
 * loss() is the function a user asks cotan to differentiate:
 *
 *     cotan grad linreg_train.c -f loss --wrt p -o loss_grad.c
 *
 * gives loss_grad(p, d_p, x, y, n), which returns the loss and adds its
 * gradient with respect to p into *d_p (a struct params, the same type).
 * linreg_train_main.c trains the model with it. */

struct params {
    double w; /* slope */
    double b; /* intercept */
};

/* Mean squared error of the prediction w * x + b over n points. */
double loss(struct params p, const double *x, const double *y, int n)
{
    double total = 0.0;
    for (int i = 0; i < n; i++) {
        double pred = p.w * x[i] + p.b;
        double err = pred - y[i];
        total += err * err;
    }
    return total / n;
}
