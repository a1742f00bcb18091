/* A NULL check at the end of a long backward chain of gotos (more blocks than
   the null-check analysis once iterated) must stay. */
#include <cuckoo.ckh>

int x;

int chain(int *p)
{
    goto L70;
L1:
    return *p + x;
L2:
    x += 2;
    goto L1;
L3:
    x += 3;
    goto L2;
L4:
    x += 4;
    goto L3;
L5:
    x += 5;
    goto L4;
L6:
    x += 6;
    goto L5;
L7:
    x += 7;
    goto L6;
L8:
    x += 8;
    goto L7;
L9:
    x += 9;
    goto L8;
L10:
    x += 10;
    goto L9;
L11:
    x += 11;
    goto L10;
L12:
    x += 12;
    goto L11;
L13:
    x += 13;
    goto L12;
L14:
    x += 14;
    goto L13;
L15:
    x += 15;
    goto L14;
L16:
    x += 16;
    goto L15;
L17:
    x += 17;
    goto L16;
L18:
    x += 18;
    goto L17;
L19:
    x += 19;
    goto L18;
L20:
    x += 20;
    goto L19;
L21:
    x += 21;
    goto L20;
L22:
    x += 22;
    goto L21;
L23:
    x += 23;
    goto L22;
L24:
    x += 24;
    goto L23;
L25:
    x += 25;
    goto L24;
L26:
    x += 26;
    goto L25;
L27:
    x += 27;
    goto L26;
L28:
    x += 28;
    goto L27;
L29:
    x += 29;
    goto L28;
L30:
    x += 30;
    goto L29;
L31:
    x += 31;
    goto L30;
L32:
    x += 32;
    goto L31;
L33:
    x += 33;
    goto L32;
L34:
    x += 34;
    goto L33;
L35:
    x += 35;
    goto L34;
L36:
    x += 36;
    goto L35;
L37:
    x += 37;
    goto L36;
L38:
    x += 38;
    goto L37;
L39:
    x += 39;
    goto L38;
L40:
    x += 40;
    goto L39;
L41:
    x += 41;
    goto L40;
L42:
    x += 42;
    goto L41;
L43:
    x += 43;
    goto L42;
L44:
    x += 44;
    goto L43;
L45:
    x += 45;
    goto L44;
L46:
    x += 46;
    goto L45;
L47:
    x += 47;
    goto L46;
L48:
    x += 48;
    goto L47;
L49:
    x += 49;
    goto L48;
L50:
    x += 50;
    goto L49;
L51:
    x += 51;
    goto L50;
L52:
    x += 52;
    goto L51;
L53:
    x += 53;
    goto L52;
L54:
    x += 54;
    goto L53;
L55:
    x += 55;
    goto L54;
L56:
    x += 56;
    goto L55;
L57:
    x += 57;
    goto L56;
L58:
    x += 58;
    goto L57;
L59:
    x += 59;
    goto L58;
L60:
    x += 60;
    goto L59;
L61:
    x += 61;
    goto L60;
L62:
    x += 62;
    goto L61;
L63:
    x += 63;
    goto L62;
L64:
    x += 64;
    goto L63;
L65:
    x += 65;
    goto L64;
L66:
    x += 66;
    goto L65;
L67:
    x += 67;
    goto L66;
L68:
    x += 68;
    goto L67;
L69:
    x += 69;
    goto L68;
L70:
    x += 70;
    goto L69;
}

int main(void)
{
    int v = 5;
    printf("%d\n", chain(&v));
    printf("%d\n", chain(NULL));
    return 0;
}
