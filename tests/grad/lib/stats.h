/* lib/stats.h: log densities for multi_stats.c (a two-file program). */
#ifndef STATS_H
#define STATS_H

double normal_logpdf(double x, double mu, double log_sigma);
double student_t_logpdf(double x, double mu, double log_scale, double nu);
double log_sum_exp(const double *v, int n);

#endif
