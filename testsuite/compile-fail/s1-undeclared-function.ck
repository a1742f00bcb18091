/* §1: functions must be declared (prototypes are required). */
int f(void) {
    return twice(2);
}
