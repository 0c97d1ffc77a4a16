#!/usr/bin/env python3
"""Measures the library's math functions against correctly rounded values.

math_exact.rs runs this script twice around eval.c:

  exact.py inputs    writes the input records eval.c reads (edge values, then
                     seeded random draws from each function's useful range)
  exact.py compare INPUTS
                     reads those inputs back from the file INPUTS and
                     eval.c's results from standard input, computes every
                     exact value with mpmath and prints one table row
                     per function: inputs, largest error in ulps, how many
                     results are not correctly rounded, how many are not
                     faithful (neither of the two values around the exact
                     one), and the input of the largest error
  exact.py worst INPUTS LABEL [N]
                     lists the N (10) largest errors of one row, for whoever
                     works on that function
  exact.py check     evaluates every input as compare does and at the highest
                     precision and reports any rounded value that differs,
                     which would mean the precision is too low

The error of a result is |ours - exact| / ulp, with the ulp of the binade of
the correctly rounded result (the smallest subnormal's for zero, the largest
binade's when the exact value overflows). A NaN where a number is due, a
number where NaN is, or a wrong infinity is an infinite error. The sign of a
zero result is not checked.

MATH_EXACT_COUNT sets the number of inputs per function (default 20000),
MATH_EXACT_JOBS the number of processes (default: one per processor).
"""

import math
import multiprocessing
import os
import random
import struct
import sys
import zlib

import mpmath
from mpmath import libmp, mp, mpf

# Ziv's strategy: evaluate at the first precision, and again at the next
# only when the value lies too close to a rounding boundary to round with
# certainty; the last is used whatever it gives.
PRECISIONS = (128, 256, 1024)
# For the arithmetic outside those evaluations: drawing inputs (exact in it).
mp.prec = PRECISIONS[1]

INF = mpf("inf")
NAN = mpf("nan")


class Format:
    """A binary floating-point format: p significant bits, normal exponents
    emin..emax, and how its values travel to and from eval.c."""

    def __init__(self, p, emin, emax, width):
        self.p, self.emin, self.emax, self.width = p, emin, emax, width
        # Values are numbered by magnitude: m counts the representable
        # values from zero, so that neighbours differ by one and the IEEE
        # bit patterns (without sign) of float and double are exactly m.
        self.binade = 1 << (p - 1)
        self.inf_m = self.binade * (emax - emin + 2)
        self.quantum_min = emin - p + 1

    def man_exp(self, m):
        """(significand, exponent) of magnitude number m (finite)."""
        if m < 2 * self.binade:
            return m, self.quantum_min
        return m % self.binade + self.binade, self.quantum_min + m // self.binade - 1

    def value(self, m):
        """The exact value of magnitude number m (finite)."""
        return mpf(self.man_exp(m))

    def ulp_exp(self, m):
        """The exponent of the spacing of the binade m lies in."""
        b = max(min(m // self.binade, self.emax - self.emin + 1), 1)
        return self.quantum_min + b - 1

    def round(self, v):
        """Signed magnitude number of v rounded to nearest even, None for NaN."""
        if mpmath.isnan(v):
            return None
        if mpmath.isinf(v):
            return -self.inf_m if v < 0 else self.inf_m
        sign, man, exp, bc = v._mpf_
        if man == 0:
            return 0
        q = max(exp + bc - 1, self.emin) - (self.p - 1)
        if exp >= q:
            mi = man << (exp - q)
        else:
            shift = q - exp
            mi = man >> shift
            rest = man - (mi << shift)
            half = 1 << (shift - 1)
            if rest > half or (rest == half and mi & 1):
                mi += 1
        m = mi if q == self.quantum_min else (q - self.quantum_min) * self.binade + mi
        m = min(m, self.inf_m)
        return -m if sign else m

    def uncertain(self, v, prec):
        """Whether v, computed at prec bits, may lie on either side of a
        boundary between two roundings (mpmath is good to a few units in
        the last of those bits)."""
        if not mpmath.isfinite(v) or v == 0:
            return False
        _, man, exp, bc = v._mpf_
        q = max(exp + bc - 1, self.emin) - (self.p - 1)
        if exp >= q:
            return False
        shift = q - exp
        rest = man & ((1 << shift) - 1)
        return abs(rest - (1 << (shift - 1))) <= 1 << (max(bc - prec, 0) + 4)

    def exact(self, n):
        """The value of signed magnitude number n, with infinities."""
        if abs(n) == self.inf_m:
            return -INF if n < 0 else INF
        v = self.value(abs(n))
        return -v if n < 0 else v

    def decode(self, raw):
        """(negative, magnitude number or None for NaN) of encoded bytes."""
        if self.width == 16:
            mant, se = struct.unpack_from("<QH", raw)
            e = se & 0x7FFF
            if e == 0x7FFF and mant & ((1 << 63) - 1):
                return se >> 15 == 1, None
            m = mant if e == 0 else (e << 63) | (mant & ((1 << 63) - 1))
            return se >> 15 == 1, m
        bits = int.from_bytes(raw, "little")
        top = 8 * self.width - 1
        m = bits & ((1 << top) - 1)
        return bits >> top == 1, (None if m > self.inf_m else m)

    def encode(self, negative, m):
        """Bytes of a value; m None encodes a quiet NaN."""
        if self.width == 16:
            if m is None:
                return struct.pack("<QH6x", 3 << 62, 0x7FFF)
            e = m >> 63
            mant = (m & ((1 << 63) - 1)) | ((1 << 63) if e else 0)
            return struct.pack("<QH6x", mant, e | (negative << 15))
        top = 8 * self.width - 1
        if m is None:
            m = self.inf_m | (1 << (self.p - 2))
        return ((negative << top) | m).to_bytes(self.width, "little")

    def from_value(self, x):
        """Bytes of x (float or mpf) rounded to this format; keeps -0.0."""
        if isinstance(x, float):
            if self.width == 8:
                return struct.pack("<d", x)
            if self.width == 4:
                try:
                    return struct.pack("<f", x)
                except OverflowError:
                    return struct.pack("<f", math.copysign(math.inf, x))
            if x == 0:
                return self.encode(math.copysign(1, x) < 0, 0)
        n = self.round(mpf(x))
        return self.encode(n is not None and n < 0, None if n is None else abs(n))

    def argument(self, raw):
        """An argument as the exact functions take it: a float, which keeps
        the sign of zero, or for long double an mpf where not 0, inf or NaN."""
        if self.width == 8:
            return struct.unpack("<d", raw)[0]
        if self.width == 4:
            return struct.unpack("<f", raw)[0]
        negative, m = self.decode(raw)
        if m is None:
            return math.nan
        if m == self.inf_m:
            return -math.inf if negative else math.inf
        if m == 0:
            return -0.0 if negative else 0.0
        v = self.value(m)
        return -v if negative else v

    def show(self, x):
        """x in decimal with enough digits to name it exactly."""
        if isinstance(x, float):
            return repr(x)
        return mpmath.nstr(x, 21) if self.width == 16 else repr(float(x))


DOUBLE = Format(53, -1022, 1023, 8)
FLOAT = Format(24, -126, 127, 4)
LDOUBLE = Format(64, -16382, 16383, 16)


# ---- exact values, with the C special cases mpmath does not follow ----

def real(v):
    """mpmath answers outside the real domain with complex numbers: NaN."""
    if isinstance(v, mpmath.mpc):
        return v.real if v.imag == 0 else NAN
    return v


def is_special(x):
    return isinstance(x, float) and (x == 0 or math.isinf(x) or math.isnan(x))


def unary(f):
    return lambda x: real(f(mpf(x)))


def cbrt(x):
    return mpmath.cbrt(mpf(x)) if x >= 0 else -mpmath.cbrt(-mpf(x))


def is_integer(x):
    return mpmath.isint(mpf(x))


def is_odd(x):
    return is_integer(x) and int(mpf(x)) % 2 == 1


def pow_(x, y):
    if y == 0 or (not is_special(x) and x == 1):
        return mpf(1)
    if isinstance(x, float) and math.isnan(x) or isinstance(y, float) and math.isnan(y):
        return NAN
    if isinstance(y, float) and math.isinf(y):
        if abs(x) == 1:
            return mpf(1)
        return INF if (abs(x) < 1) == (y < 0) else mpf(0)
    negative = math.copysign(1, x) < 0 if isinstance(x, float) else x < 0
    if negative and not is_special(x) and not is_integer(y):
        return NAN
    sign = -1 if negative and is_odd(y) else 1
    if is_special(x):
        return sign * (INF if (x == 0) == (y < 0) else mpf(0))
    return sign * mpmath.power(abs(mpf(x)), mpf(y))


def atan2(y, x):
    if is_special(y) or is_special(x):
        if math.isnan(float(y)) or math.isnan(float(x)):
            return NAN
        # Every answer of the special cases is a multiple of pi/4.
        return mpmath.pi * mpf(round(math.atan2(float(y), float(x)) / math.pi * 4)) / 4
    return mpmath.atan2(mpf(y), mpf(x))


def hypot(x, y):
    if any(isinstance(v, float) and math.isinf(v) for v in (x, y)):
        return INF
    return mpmath.hypot(mpf(x), mpf(y))


def fma(x, y, z):
    if any(isinstance(v, float) and (math.isinf(v) or math.isnan(v)) for v in (x, y, z)):
        if math.isinf(float(z)) and not any(math.isinf(float(v)) or math.isnan(float(v)) for v in (x, y)):
            return mpf(z)
        return mpf(float(x) * float(y) + float(z))
    return mpmath.fadd(mpmath.fmul(mpf(x), mpf(y), exact=True), mpf(z), exact=True)


def lgamma(x):
    if isinstance(x, float) and math.isnan(x):
        return NAN
    if is_special(x) or (x < 0 and is_integer(x)):
        return INF
    if x > 0:
        return mpmath.loggamma(mpf(x))
    return mpmath.log(abs(mpmath.gamma(mpf(x))))


def tgamma(x):
    if isinstance(x, float) and (math.isnan(x) or x == -math.inf):
        return NAN
    if is_special(x):
        return INF if math.copysign(1, x) > 0 else -INF
    if x < 0 and is_integer(x):
        return NAN
    return mpmath.gamma(mpf(x))


EXACT = {
    "exp": unary(mpmath.exp),
    "exp2": unary(lambda x: mpmath.power(2, x)),
    "expm1": unary(mpmath.expm1),
    "log": unary(mpmath.log),
    "log2": unary(lambda x: mpmath.log(x, 2)),
    "log10": unary(mpmath.log10),
    "log1p": unary(mpmath.log1p),
    "sin": unary(mpmath.sin),
    "cos": unary(mpmath.cos),
    "tan": unary(mpmath.tan),
    "asin": unary(mpmath.asin),
    "acos": unary(mpmath.acos),
    "atan": unary(mpmath.atan),
    "atan2": atan2,
    "sinh": unary(mpmath.sinh),
    "cosh": unary(mpmath.cosh),
    "tanh": unary(mpmath.tanh),
    "asinh": unary(mpmath.asinh),
    "acosh": unary(mpmath.acosh),
    "atanh": unary(mpmath.atanh),
    "pow": pow_,
    "hypot": hypot,
    "cbrt": unary(cbrt),
    "erf": unary(mpmath.erf),
    "erfc": unary(mpmath.erfc),
    "lgamma": lgamma,
    "tgamma": tgamma,
    "sqrt": unary(mpmath.sqrt),
    "fma": fma,
}


def evaluate(fn, fmt, args):
    """fn(*args), precise enough to round to fmt with certainty."""
    for prec in PRECISIONS:
        with mpmath.workprec(prec):
            v = fn(*args)
        if not fmt.uncertain(v, prec):
            break
    return v


# ---- inputs ----

class Draw:
    """Random values of one format from one seeded generator. Values of
    double and float are Python floats, which are quicker than mpf and
    hold them exactly; long double ones are mpf."""

    def __init__(self, fmt, seed):
        self.fmt = fmt
        self.wide = fmt.p > 53
        self.rng = random.Random(seed)

    def make(self, man, exp):
        """man * 2**exp."""
        return mpf((man, exp)) if self.wide else math.ldexp(man, exp)

    def uniform(self, a, b):
        if self.wide:
            return mpf(a) + (mpf(b) - mpf(a)) * self.make(self.rng.getrandbits(self.fmt.p + 8), -(self.fmt.p + 8))
        return float(a) + (float(b) - float(a)) * self.rng.random()

    def log2(self, x):
        return mpmath.log(x, 2) if self.wide else math.log2(x)

    def sign(self):
        return 1 if self.rng.getrandbits(1) else -1

    def binade(self, lo, hi):
        """A value with every significand bit random and its exponent drawn
        uniformly from lo..hi, so that every binade gets its share."""
        e = self.rng.randint(lo, hi)
        return self.make(self.rng.getrandbits(self.fmt.p - 1) | (1 << (self.fmt.p - 1)), e - self.fmt.p + 1)

    def any(self, lo=None, hi=None):
        """Any positive finite value, subnormals included, by binade."""
        f = self.fmt
        return self.binade(f.quantum_min if lo is None else lo, f.emax if hi is None else hi)

    def near(self, c, nearest=1):
        """c times 1 + or - a small relative offset, down to one ulp."""
        k = self.rng.randint(nearest, self.fmt.p - 1)
        return c * (1 + self.sign() * self.binade(-k, -k))

    def near_multiple(self, c, kmax):
        """Values around the rounded multiples k*c, k up to kmax."""
        k = self.rng.randint(1, kmax)
        n = self.fmt.round(mpf(k) * c) + self.rng.randint(-2, 2)
        return self.sign() * self.fmt.value(abs(n))

    def pick(self, choices):
        """One of (weight, sampler) pairs, by weight."""
        r = self.rng.random() * sum(w for w, _ in choices)
        for w, sample in choices:
            r -= w
            if r < 0:
                return sample()
        return choices[-1][1]()


EDGES = [0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 2.0, -2.0, math.inf, -math.inf, math.nan, 3.0, 10.0, 0.1, -0.1]


def ln2_range(fmt):
    """The arguments of exp whose results are neither 0 nor infinity."""
    return (fmt.quantum_min - 1) * mpmath.ln2, (fmt.emax + 1) * mpmath.ln2


def exp_inputs(d):
    lo, hi = ln2_range(d.fmt)
    return d.pick([(7, lambda: d.uniform(lo, hi)), (2, lambda: d.uniform(-1, 1)),
                   (1, lambda: d.sign() * d.any(-60, 0))])


def exp2_inputs(d):
    lo, hi = ln2_range(d.fmt)
    return d.pick([(7, lambda: d.uniform(lo / mpmath.ln2, hi / mpmath.ln2)), (2, lambda: d.uniform(-1, 1)),
                   (1, lambda: d.sign() * d.any(-60, 0))])


def expm1_inputs(d):
    _, hi = ln2_range(d.fmt)
    return d.pick([(5, lambda: d.uniform(-40, hi)), (3, lambda: d.uniform(-1, 1)),
                   (2, lambda: d.sign() * d.any(-60, 0))])


def log_inputs(d):
    return d.pick([(6, d.any), (3, lambda: d.near(1)), (1, lambda: d.uniform(0, 100))])


def log1p_inputs(d):
    return d.pick([(4, lambda: d.uniform(-1, 10)), (2, lambda: d.sign() * d.any(-60, 0)),
                   (2, lambda: -1 + d.binade(-d.fmt.p + 1, -1)), (2, lambda: d.any(0, None))])


def trig_inputs(d):
    return d.pick([(5, lambda: d.uniform(-1e6, 1e6)), (2, lambda: d.uniform(-10, 10)),
                   (1.5, lambda: d.near_multiple(mpmath.pi / 2, 10**6)),
                   (1, lambda: d.sign() * d.any(20, None)), (0.5, lambda: d.sign() * d.any(None, -20))])


def unit_inputs(d):
    return d.pick([(7, lambda: d.uniform(-1, 1)), (1.5, lambda: d.sign() * d.near(1)),
                   (1, lambda: d.sign() * d.any(-60, -1)), (0.5, lambda: d.uniform(-2, 2))])


def atan_inputs(d):
    return d.pick([(4, lambda: d.uniform(-10, 10)), (6, lambda: d.sign() * d.any())])


def atan2_inputs(d):
    def ratio():
        x = d.sign() * d.any(-50, 50)
        return d.sign() * x * d.any(-60, 60), x
    return d.pick([(4, lambda: (d.sign() * d.any(), d.sign() * d.any())),
                   (3, lambda: (d.uniform(-10, 10), d.uniform(-10, 10))), (3, ratio)])


def hyperbolic_inputs(d):
    _, hi = ln2_range(d.fmt)
    return d.pick([(6, lambda: d.uniform(-hi - 1, hi + 1)), (2, lambda: d.uniform(-5, 5)),
                   (2, lambda: d.sign() * d.any(-60, 0))])


def tanh_inputs(d):
    return d.pick([(6, lambda: d.uniform(-20, 20)), (4, lambda: d.sign() * d.any(-60, 5))])


def asinh_inputs(d):
    return d.pick([(6, lambda: d.sign() * d.any(-60, None)), (4, lambda: d.uniform(-10, 10))])


def acosh_inputs(d):
    return d.pick([(4, lambda: 1 + d.any(-d.fmt.p + 1, 0)), (3, lambda: d.uniform(1, 10)), (3, lambda: d.any(0, None))])


def atanh_inputs(d):
    return d.pick([(5, lambda: d.uniform(-1, 1)), (2.5, lambda: d.sign() * (1 - d.binade(-d.fmt.p, -1))),
                   (2.5, lambda: d.sign() * d.any(-60, -1))])


def pow_inputs(d):
    f = d.fmt
    lo, hi = f.quantum_min, f.emax + 1

    def aimed(x):
        """y such that x**y lands anywhere in the format's range."""
        return (x, d.uniform(lo, hi) / d.log2(x)) if x != 1 else (x, d.uniform(-10, 10))

    def near_one():
        x = d.near(1)
        return aimed(x if not d.wide else d.fmt.value(d.fmt.round(x)))

    def small_integers():
        x, y = d.rng.randint(2, 30), d.rng.randint(-40, 40)
        return d.make(x, 0), d.make(y, 0)

    return d.pick([(4, lambda: aimed(d.any(-20, 20))), (2, near_one),
                   (1.5, lambda: (d.uniform(0, 100), d.uniform(-10, 10))),
                   (1, lambda: (-d.any(-5, 5), d.make(d.rng.randint(-200, 200), 0))),
                   (1, lambda: (d.any(), d.uniform(-2, 2))), (0.5, small_integers)])


def hypot_inputs(d):
    def close():
        x = d.sign() * d.any()
        return x, d.sign() * x * d.any(-30, 30)
    return d.pick([(5, close), (3, lambda: (d.uniform(-10, 10), d.uniform(-10, 10))),
                   (2, lambda: (d.sign() * d.any(), d.sign() * d.any()))])


def cbrt_inputs(d):
    return d.pick([(8, lambda: d.sign() * d.any()), (2, lambda: d.make(d.sign() * d.rng.randint(1, 10**5) ** 3, 0))])


def erf_inputs(d):
    return d.pick([(7, lambda: d.uniform(-6, 6)), (2, lambda: d.sign() * d.any(-60, 0)), (1, lambda: d.uniform(-27, 27))])


def erfc_inputs(d):
    hi = 27.3 if d.fmt.p == 53 else 10.1 if d.fmt.p == 24 else 106.6
    return d.pick([(8, lambda: d.uniform(-6, hi)), (1, lambda: d.sign() * d.any(-60, 0)), (1, lambda: d.uniform(-1, 1))])


def lgamma_inputs(d):
    return d.pick([(2.5, lambda: d.uniform(0, 1e6)), (2.5, lambda: d.uniform(0, 10)), (1.5, lambda: d.near(1)),
                   (1.5, lambda: d.near(2)), (1, lambda: d.any(None, 0)), (1, lambda: d.any(20, None))])


def lgamma_negative_inputs(d):
    return d.pick([(8, lambda: d.uniform(-170, 0)), (2, lambda: -d.any(None, 0))])


def tgamma_inputs(d):
    hi = {53: 171.7, 24: 35.1, 64: 1755.5}[d.fmt.p]
    return d.pick([(6, lambda: d.uniform(0, hi)), (2, lambda: d.uniform(0, 10)), (1, lambda: d.any(None, -1)),
                   (0.5, lambda: d.near(1)), (0.5, lambda: d.near(2))])


def sqrt_inputs(d):
    def square():
        n = d.rng.getrandbits(d.fmt.p // 2) | 1
        return d.make(n * n, 2 * d.rng.randint(-200, 200))
    return d.pick([(7, d.any), (1.5, square), (1.5, lambda: d.near(1))])


def fma_inputs(d):
    def cancelling():
        x, y = d.sign() * d.any(-100, 100), d.sign() * d.any(-100, 100)
        z = -d.fmt.exact(d.fmt.round(mpf(x) * mpf(y)))
        return x, y, z + z * d.sign() * d.any(-d.fmt.p - 10, -d.fmt.p + 2) * d.rng.randint(0, 1)

    def tiny():
        return d.sign() * d.any(-560, -500), d.sign() * d.any(-560, -500), d.sign() * d.any(None, -1000)

    return d.pick([(4, lambda: tuple(d.uniform(-10, 10) * d.any(-20, 20) for _ in range(3))), (3, cancelling),
                   (1.5, lambda: tuple(d.sign() * d.any() for _ in range(3))), (1.5, tiny)])


# (label, C function, exact function, format, arity, inputs, share of the count)
D, F, L = DOUBLE, FLOAT, LDOUBLE
FUNCTIONS = [
    ("exp", "exp", "exp", D, 1, exp_inputs, 1),
    ("exp2", "exp2", "exp2", D, 1, exp2_inputs, 1),
    ("expm1", "expm1", "expm1", D, 1, expm1_inputs, 1),
    ("log", "log", "log", D, 1, log_inputs, 1),
    ("log2", "log2", "log2", D, 1, log_inputs, 1),
    ("log10", "log10", "log10", D, 1, log_inputs, 1),
    ("log1p", "log1p", "log1p", D, 1, log1p_inputs, 1),
    ("sin", "sin", "sin", D, 1, trig_inputs, 1),
    ("cos", "cos", "cos", D, 1, trig_inputs, 1),
    ("tan", "tan", "tan", D, 1, trig_inputs, 1),
    ("asin", "asin", "asin", D, 1, unit_inputs, 1),
    ("acos", "acos", "acos", D, 1, unit_inputs, 1),
    ("atan", "atan", "atan", D, 1, atan_inputs, 1),
    ("atan2", "atan2", "atan2", D, 2, atan2_inputs, 1),
    ("sinh", "sinh", "sinh", D, 1, hyperbolic_inputs, 1),
    ("cosh", "cosh", "cosh", D, 1, hyperbolic_inputs, 1),
    ("tanh", "tanh", "tanh", D, 1, tanh_inputs, 1),
    ("asinh", "asinh", "asinh", D, 1, asinh_inputs, 1),
    ("acosh", "acosh", "acosh", D, 1, acosh_inputs, 1),
    ("atanh", "atanh", "atanh", D, 1, atanh_inputs, 1),
    ("pow", "pow", "pow", D, 2, pow_inputs, 1),
    ("hypot", "hypot", "hypot", D, 2, hypot_inputs, 1),
    ("cbrt", "cbrt", "cbrt", D, 1, cbrt_inputs, 1),
    ("erf", "erf", "erf", D, 1, erf_inputs, 1),
    ("erfc", "erfc", "erfc", D, 1, erfc_inputs, 1),
    ("lgamma", "lgamma", "lgamma", D, 1, lgamma_inputs, 1),
    ("lgamma(x<0)", "lgamma", "lgamma", D, 1, lgamma_negative_inputs, 0.25),
    ("tgamma", "tgamma", "tgamma", D, 1, tgamma_inputs, 1),
    ("sqrt", "sqrt", "sqrt", D, 1, sqrt_inputs, 1),
    ("fma", "fma", "fma", D, 3, fma_inputs, 1),
    ("expf", "expf", "exp", F, 1, exp_inputs, 1),
    ("logf", "logf", "log", F, 1, log_inputs, 1),
    ("sinf", "sinf", "sin", F, 1, trig_inputs, 1),
    ("cosf", "cosf", "cos", F, 1, trig_inputs, 1),
    ("powf", "powf", "pow", F, 2, pow_inputs, 1),
    ("sqrtf", "sqrtf", "sqrt", F, 1, sqrt_inputs, 1),
    ("erff", "erff", "erf", F, 1, erf_inputs, 1),
    ("lgammaf", "lgammaf", "lgamma", F, 1, lgamma_inputs, 1),
    ("expl", "expl", "exp", L, 1, exp_inputs, 0.25),
    ("logl", "logl", "log", L, 1, log_inputs, 0.25),
    ("sinl", "sinl", "sin", L, 1, trig_inputs, 0.25),
    ("powl", "powl", "pow", L, 2, pow_inputs, 0.25),
    ("erfl", "erfl", "erf", L, 1, erf_inputs, 0.25),
    ("erfcl", "erfcl", "erfc", L, 1, erfc_inputs, 0.25),
    ("lgammal", "lgammal", "lgamma", L, 1, lgamma_inputs, 0.25),
    ("tgammal", "tgammal", "tgamma", L, 1, tgamma_inputs, 0.25),
]


def count():
    return int(os.environ.get("MATH_EXACT_COUNT", "20000"))


def inputs_of(label, fmt, arity, sampler, share):
    """The encoded argument tuples of one row: every combination of edge
    values (pairs for two arguments, none for three), then random draws."""
    n = max(int(count() * share), 1)
    if arity == 1:
        tuples = [(e,) for e in EDGES]
    elif arity == 2:
        tuples = [(a, b) for a in EDGES for b in EDGES]
    else:
        tuples = []
    d = Draw(fmt, zlib.crc32(label.encode()))
    while len(tuples) < n:
        t = sampler(d)
        tuples.append(t if isinstance(t, tuple) else (t,))
    return [b"".join(fmt.from_value(x) for x in t) for t in tuples[:n]]


def generate_row(spec):
    label, _, _, fmt, arity, sampler, share = spec
    return inputs_of(label, fmt, arity, sampler, share)


def generate():
    """(label, C function, exact function, format, arity, encoded inputs) per row."""
    return [(label, c, EXACT[e], fmt, arity, ins)
            for (label, c, e, fmt, arity, _, _), ins in zip(FUNCTIONS, pool_map(generate_row, FUNCTIONS))]


def write_inputs(rows, out):
    for _, c, _, _, _, ins in rows:
        out.write(c.encode() + b"\0" + struct.pack("<Q", len(ins)) + b"".join(ins))


def records(data, sizes):
    """(name, values) of each record of an input or result stream whose
    records are `sizes` bytes per value, in order."""
    out, p = [], 0
    for size in sizes:
        nul = data.index(b"\0", p)
        name = data[p:nul].decode()
        (n,) = struct.unpack_from("<Q", data, nul + 1)
        p = nul + 9
        out.append((name, [data[p + i * size:p + (i + 1) * size] for i in range(n)]))
        p += n * size
    if p != len(data):
        sys.exit("exact.py: trailing bytes after the last record")
    return out


def read_rows(inputs, results):
    """The rows of an input stream and eval.c's results for them."""
    ins = records(inputs, [f[3].width * f[4] for f in FUNCTIONS])
    outs = records(results, [f[3].width for f in FUNCTIONS])
    rows = []
    for (label, c, e, fmt, arity, _, _), (name, args), (rname, values) in zip(FUNCTIONS, ins, outs):
        if name != c or rname != c or len(args) != len(values):
            sys.exit(f"exact.py: the {label} records do not match: {name}, {rname}, {len(args)} != {len(values)}")
        rows.append((label, c, EXACT[e], fmt, arity, args))
    return rows, [values for _, values in outs]


# ---- comparison ----

ROWS = None
RESULTS = None


def ulps(fmt, n, exact, cr):
    """|value of n - exact| in ulps of cr's binade, on mpmath's raw tuples
    (the mpf objects cost more than the arithmetic)."""
    man, exp = fmt.man_exp(abs(n))
    d = libmp.mpf_sub(libmp.from_man_exp(-man if n < 0 else man, exp), exact._mpf_, 64)
    return abs(libmp.to_float(libmp.mpf_shift(d, -fmt.ulp_exp(abs(cr)))))


def error(fmt, exact, ours_raw):
    """(error in ulps, correctly rounded, faithful) of one result."""
    cr = fmt.round(exact)
    negative, m = fmt.decode(ours_raw)
    ours = None if m is None else (-m if negative else m)
    if cr is None or ours is None:
        same = cr is None and ours is None
        return (0.0 if same else math.inf), same, same
    if ours == cr:
        return (ulps(fmt, ours, exact, cr) if abs(cr) != fmt.inf_m else 0.0), True, True
    if mpmath.isinf(exact) or abs(ours) == fmt.inf_m:
        return math.inf, False, False
    toward = fmt.exact(cr) - exact
    faithful = toward != 0 and ours == cr + (-1 if toward > 0 else 1)
    return ulps(fmt, ours, exact, cr), False, faithful


def compare_chunk(job):
    """Statistics of inputs lo..hi of one row: count, largest error and its
    index, results not correctly rounded, results not faithful."""
    r, lo, hi = job
    label, _, exact_fn, fmt, arity, ins = ROWS[r]
    worst, worst_i, not_cr, unfaithful = -1.0, lo, 0, 0
    for i in range(lo, hi):
        args = [fmt.argument(ins[i][k * fmt.width:(k + 1) * fmt.width]) for k in range(arity)]
        err, cr, faithful = error(fmt, evaluate(exact_fn, fmt, args), RESULTS[r][i])
        not_cr += not cr
        unfaithful += not faithful
        if err > worst:
            worst, worst_i = err, i
    return r, hi - lo, worst, worst_i, not_cr, unfaithful


def jobs(rows, size=500):
    return [(r, lo, min(lo + size, len(row[5]))) for r, row in enumerate(rows) for lo in range(0, len(row[5]), size)]


def pool_map(fn, work):
    n = int(os.environ.get("MATH_EXACT_JOBS", "0")) or os.cpu_count() or 1
    if n == 1:
        return [fn(w) for w in work]
    with multiprocessing.get_context("fork").Pool(n) as pool:
        return list(pool.imap(fn, work, chunksize=1))


def ulps_text(err):
    """Rounded up to four decimals, so that a limit holds for the printed
    value only if it holds for the measured one (less the noise of the
    working precision, which would turn an exact 0 into 0.0001)."""
    return "inf" if math.isinf(err) else f"{math.ceil(err * 10**4 - 1e-9) / 10**4:.4f}"


def compare(inputs, results):
    global ROWS, RESULTS
    ROWS, RESULTS = read_rows(inputs, results)
    stats = {}
    for r, n, worst, worst_i, not_cr, unfaithful in pool_map(compare_chunk, jobs(ROWS)):
        s = stats.setdefault(r, [0, -1.0, 0, 0, 0])
        s[0] += n
        if worst > s[1]:
            s[1], s[2] = worst, worst_i
        s[3] += not_cr
        s[4] += unfaithful
    lines = [f"{'function':<12} {'inputs':>7} {'max ulps':>9} {'not CR':>7} {'unfaithful':>10}  worst input -> ours, correctly rounded"]
    for r, (label, _, exact_fn, fmt, arity, ins) in enumerate(ROWS):
        n, worst, i, not_cr, unfaithful = stats[r]
        args = [fmt.argument(ins[i][k * fmt.width:(k + 1) * fmt.width]) for k in range(arity)]
        cr = fmt.round(evaluate(exact_fn, fmt, args))
        ours = fmt.argument(RESULTS[r][i])
        correct = "nan" if cr is None else fmt.show(fmt.exact(cr)) if abs(cr) != fmt.inf_m else ("-inf" if cr < 0 else "inf")
        where = ",".join(fmt.show(a) for a in args)
        lines.append(f"{label:<12} {n:>7} {ulps_text(worst):>9} {not_cr:>7} {unfaithful:>10}  "
                     f"{where} -> {fmt.show(ours)}, {correct}")
    return "\n".join(lines) + "\n"


def worst(inputs, results, label, n):
    """The n inputs of one row with the largest errors, one per line."""
    rows, outs = read_rows(inputs, results)
    r = [row[0] for row in rows].index(label)
    _, _, exact_fn, fmt, arity, ins = rows[r]
    found = []
    for i, (raw, ours) in enumerate(zip(ins, outs[r])):
        args = [fmt.argument(raw[k * fmt.width:(k + 1) * fmt.width]) for k in range(arity)]
        exact = evaluate(exact_fn, fmt, args)
        err, _, _ = error(fmt, exact, ours)
        found.append((err, i, args, exact, ours))
    found.sort(key=lambda f: -f[0])
    lines = []
    for err, i, args, exact, ours in found[:n]:
        cr = fmt.round(exact)
        correct = "nan" if cr is None else fmt.show(fmt.exact(cr))
        lines.append(f"{ulps_text(err):>9}  {label}({', '.join(fmt.show(a) for a in args)}) = "
                     f"{fmt.show(fmt.argument(ours))}, correctly rounded {correct}")
    return "\n".join(lines) + "\n"


def check_chunk(job):
    """Inputs of one chunk whose value rounds differently at the highest
    precision."""
    r, lo, hi = job
    label, _, exact_fn, fmt, arity, ins = ROWS[r]
    bad = []
    for i in range(lo, hi):
        args = [fmt.argument(ins[i][k * fmt.width:(k + 1) * fmt.width]) for k in range(arity)]
        low = fmt.round(evaluate(exact_fn, fmt, args))
        with mpmath.workprec(PRECISIONS[-1]):
            high = fmt.round(exact_fn(*args))
        if low != high:
            bad.append(f"{label}({','.join(fmt.show(a) for a in args)})")
    return bad


def check():
    global ROWS
    ROWS = generate()
    bad = [b for chunk in pool_map(check_chunk, jobs(ROWS)) for b in chunk]
    total = sum(len(r[5]) for r in ROWS)
    print("\n".join(bad) if bad else f"all {total} inputs round alike as compared and at {PRECISIONS[-1]} bits")
    return 1 if bad else 0


def main():
    command = sys.argv[1] if len(sys.argv) > 1 else ""
    if command == "inputs":
        write_inputs(generate(), sys.stdout.buffer)
    elif command == "compare" and len(sys.argv) == 3:
        with open(sys.argv[2], "rb") as f:
            inputs = f.read()
        sys.stdout.write(compare(inputs, sys.stdin.buffer.read()))
    elif command == "worst" and len(sys.argv) in (4, 5):
        with open(sys.argv[2], "rb") as f:
            inputs = f.read()
        n = int(sys.argv[4]) if len(sys.argv) == 5 else 10
        sys.stdout.write(worst(inputs, sys.stdin.buffer.read(), sys.argv[3], n))
    elif command == "check":
        sys.exit(check())
    else:
        sys.exit("usage: exact.py inputs | compare INPUTS | worst INPUTS LABEL [N] | check")


if __name__ == "__main__":
    main()
