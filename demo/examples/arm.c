/* arm.c: forward kinematics of a planar robot arm with three links.
 * Given the joint angles q, arm_tip writes the position of the tip and its
 * orientation to tip[0..2]. */
#include <math.h>

#define LINKS 3

static const double link_length[LINKS] = {1.0, 0.8, 0.5};

void arm_tip(const double *q, double *tip)
{
    double x = 0.0, y = 0.0, angle = 0.0;
    for (int i = 0; i < LINKS; i++) {
        angle += q[i];
        x += link_length[i] * cos(angle);
        y += link_length[i] * sin(angle);
    }
    tip[0] = x;
    tip[1] = y;
    tip[2] = angle;
}
