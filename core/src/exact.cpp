// Exact rationals, decimal rounding and big integers (see exact.h).
#include "jobzone/exact.h"

#include <cmath>

namespace jobzone {
namespace {

i128 abs128(i128 v) { return v < 0 ? -v : v; }

i128 gcd128(i128 a, i128 b) {
    a = abs128(a);
    b = abs128(b);
    while (b != 0) {
        i128 t = a % b;
        a = b;
        b = t;
    }
    return a;
}

// Floor division (rounds toward minus infinity), den > 0.
i128 floor_div(i128 num, i128 den) {
    i128 q = num / den;
    if ((num % den != 0) && (num < 0)) --q;
    return q;
}

i128 pow10(int n) {
    i128 p = 1;
    for (int i = 0; i < n; ++i) p *= 10;
    return p;
}

std::string to_string128(i128 v) {
    if (v == 0) return "0";
    bool negative = v < 0;
    std::string out;
    while (v != 0) {
        int digit = static_cast<int>(v % 10);
        out.insert(out.begin(), static_cast<char>('0' + (negative ? -digit : digit)));
        v /= 10;
    }
    return negative ? "-" + out : out;
}

}  // namespace

Rational rational(i128 num, i128 den) {
    if (den < 0) {
        num = -num;
        den = -den;
    }
    i128 g = gcd128(num, den);
    if (g > 1) {
        num /= g;
        den /= g;
    }
    if (num == 0) den = 1;
    return Rational{num, den};
}

Rational add(const Rational& a, const Rational& b) {
    i128 g = gcd128(a.den, b.den);
    return rational(a.num * (b.den / g) + b.num * (a.den / g), a.den / g * b.den);
}

Rational sub(const Rational& a, const Rational& b) { return add(a, Rational{-b.num, b.den}); }

Rational mul(const Rational& a, const Rational& b) {
    // Cross-reduced first, so the products stay as small as the result.
    i128 g1 = gcd128(a.num, b.den), g2 = gcd128(b.num, a.den);
    if (g1 == 0) g1 = 1;
    if (g2 == 0) g2 = 1;
    return rational((a.num / g1) * (b.num / g2), (a.den / g2) * (b.den / g1));
}

Rational div(const Rational& a, const Rational& b) { return mul(a, rational(b.den, b.num)); }

int compare(const Rational& a, const Rational& b) {
    // Integer parts first; on a tie, the fractional parts by their reciprocals (reversed).
    i128 an = a.num, ad = a.den, bn = b.num, bd = b.den;
    int sign = 1;
    for (;;) {
        i128 qa = floor_div(an, ad), qb = floor_div(bn, bd);
        if (qa != qb) return qa < qb ? -sign : sign;
        i128 ra = an - qa * ad, rb = bn - qb * bd;  // 0 <= r < den
        if (ra == 0 || rb == 0) {
            if (ra == rb) return 0;
            return ra == 0 ? -sign : sign;
        }
        // a' = ad/ra, b' = bd/rb: a < b exactly when a' > b'.
        an = ad;
        ad = ra;
        bn = bd;
        bd = rb;
        sign = -sign;
    }
}

double to_double(const Rational& r) {
    // Correctly rounded (one rounding): 63 significant bits of the quotient by long division, the
    // last one sticky for any remainder, then a single conversion. No long double (its width
    // differs between the native and the wasm build).
    if (r.num == 0) return 0.0;
    const bool negative = r.num < 0;
    using u128 = unsigned __int128;
    const u128 n = static_cast<u128>(negative ? -r.num : r.num), d = static_cast<u128>(r.den);
    u128 q = n / d, rem = n % d;
    int exponent = 0;
    while (q >= (static_cast<u128>(1) << 63)) {  // more than 63 bits: keep the top ones, the rest sticky
        if (q & 1) rem = 1;
        q >>= 1;
        ++exponent;
    }
    std::uint64_t m = static_cast<std::uint64_t>(q);
    while (m < (static_cast<std::uint64_t>(1) << 62)) {
        rem <<= 1;
        m <<= 1;
        if (rem >= d) {
            rem -= d;
            m |= 1;
        }
        --exponent;
    }
    if (rem != 0) m |= 1;
    const double out = std::ldexp(static_cast<double>(m), exponent);
    return negative ? -out : out;
}

Rational round_rational(const Rational& r, int decimals) {
    i128 scale = pow10(decimals);
    i128 scaled = r.num * scale;  // |num| stays below 10^25 for every figure here, so 10^6 more fits
    i128 twice = 2 * abs128(scaled) + r.den;
    i128 q = twice / (2 * r.den);  // half away from zero on the magnitude
    return rational(r.num < 0 ? -q : q, scale);
}

std::string format_rational(const Rational& r, int decimals) {
    Rational rounded = round_rational(r, decimals);
    i128 scale = pow10(decimals);
    i128 units = rounded.num * (scale / rounded.den);  // rounded.den divides scale
    bool negative = units < 0;
    std::string digits = to_string128(abs128(units));
    if (decimals > 0) {
        if (static_cast<int>(digits.size()) <= decimals) digits.insert(0, static_cast<std::size_t>(decimals + 1) - digits.size(), '0');
        digits.insert(digits.size() - static_cast<std::size_t>(decimals), ".");
    }
    return negative ? "-" + digits : digits;
}

std::optional<Rational> decimal_of(double value) {
    if (!std::isfinite(value) || std::fabs(value) > 1e15) return std::nullopt;
    double scale = 1;
    for (int places = 0; places <= 12; ++places, scale *= 10) {
        double n = std::round(value * scale);
        if (std::fabs(n) < 9e15 && n / scale == value) return rational(static_cast<i128>(static_cast<long long>(n)), pow10(places));
    }
    return std::nullopt;
}

Rational rational_of_double(double value) {
    // A double is m x 2^e exactly; the values here (scores, shares) fit a 128-bit rational.
    if (!std::isfinite(value) || value == 0) return rational(0);
    int exponent = 0;
    double mantissa = std::frexp(value, &exponent);  // value = mantissa x 2^exponent, 0.5 <= |mantissa| < 1
    i128 m = static_cast<i128>(static_cast<long long>(std::ldexp(mantissa, 53)));
    exponent -= 53;
    if (exponent >= 0) return exponent > 60 ? rational(0) : rational(m * (static_cast<i128>(1) << exponent));
    if (exponent < -120) return rational(0);
    return rational(m, static_cast<i128>(1) << -exponent);
}

Rational exact_of(double value) {
    std::optional<Rational> d = decimal_of(value);
    return d ? *d : rational_of_double(value);
}

std::optional<Rational> decimal_of_text(std::string_view text, int max_places) {
    std::size_t i = 0;
    bool negative = false;
    if (i < text.size() && (text[i] == '-' || text[i] == '+')) negative = text[i++] == '-';
    std::string digits;
    int places = 0;
    bool point = false;
    for (; i < text.size(); ++i) {
        char c = text[i];
        if (c >= '0' && c <= '9') {
            digits += c;
            if (point) ++places;
        } else if (c == '.' && !point) {
            point = true;
        } else {
            break;
        }
    }
    long long exponent = 0;
    if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
        ++i;
        bool exp_negative = false;
        if (i < text.size() && (text[i] == '-' || text[i] == '+')) exp_negative = text[i++] == '-';
        if (i == text.size()) return std::nullopt;
        for (; i < text.size(); ++i) {
            if (text[i] < '0' || text[i] > '9') return std::nullopt;
            if (exponent < 100000) exponent = exponent * 10 + (text[i] - '0');
        }
        if (exp_negative) exponent = -exponent;
    }
    if (i != text.size() || digits.empty()) return std::nullopt;
    // Trailing zeros carry no places; leading zeros no digits.
    while (!digits.empty() && digits.back() == '0' && places > 0) {
        digits.pop_back();
        --places;
    }
    std::size_t first = digits.find_first_not_of('0');
    if (first == std::string::npos) return rational(0);
    digits.erase(0, first);
    long long shift = exponent - places;  // value = digits x 10^shift
    while (shift < 0 && !digits.empty() && digits.back() == '0') {
        digits.pop_back();
        ++shift;
    }
    if (shift < -max_places) return std::nullopt;
    if (static_cast<long long>(digits.size()) + (shift > 0 ? shift : 0) > 30) return std::nullopt;  // far past any range
    i128 n = 0;
    for (char c : digits) n = n * 10 + (c - '0');
    if (shift >= 0) return rational((negative ? -n : n) * pow10(static_cast<int>(shift)));
    return rational(negative ? -n : n, pow10(static_cast<int>(-shift)));
}

BigUint::BigUint(std::uint64_t value) {
    while (value != 0) {
        limbs_.push_back(static_cast<std::uint32_t>(value));
        value >>= 32;
    }
}

void BigUint::trim() {
    while (!limbs_.empty() && limbs_.back() == 0) limbs_.pop_back();
}

BigUint& BigUint::operator+=(const BigUint& other) {
    if (limbs_.size() < other.limbs_.size()) limbs_.resize(other.limbs_.size(), 0);
    std::uint64_t carry = 0;
    for (std::size_t i = 0; i < limbs_.size(); ++i) {
        std::uint64_t sum = carry + limbs_[i] + (i < other.limbs_.size() ? other.limbs_[i] : 0);
        limbs_[i] = static_cast<std::uint32_t>(sum);
        carry = sum >> 32;
    }
    if (carry) limbs_.push_back(static_cast<std::uint32_t>(carry));
    return *this;
}

BigUint& BigUint::mul_small(std::uint32_t factor) {
    std::uint64_t carry = 0;
    for (std::uint32_t& limb : limbs_) {
        std::uint64_t product = static_cast<std::uint64_t>(limb) * factor + carry;
        limb = static_cast<std::uint32_t>(product);
        carry = product >> 32;
    }
    if (carry) limbs_.push_back(static_cast<std::uint32_t>(carry));
    trim();
    return *this;
}

BigUint operator*(const BigUint& a, const BigUint& b) {
    BigUint out;
    if (a.is_zero() || b.is_zero()) return out;
    out.limbs_.assign(a.limbs_.size() + b.limbs_.size(), 0);
    for (std::size_t i = 0; i < a.limbs_.size(); ++i) {
        std::uint64_t carry = 0;
        for (std::size_t j = 0; j < b.limbs_.size(); ++j) {
            std::uint64_t t = static_cast<std::uint64_t>(a.limbs_[i]) * b.limbs_[j] + out.limbs_[i + j] + carry;
            out.limbs_[i + j] = static_cast<std::uint32_t>(t);
            carry = t >> 32;
        }
        std::size_t k = i + b.limbs_.size();
        while (carry) {
            std::uint64_t t = static_cast<std::uint64_t>(out.limbs_[k]) + carry;
            out.limbs_[k++] = static_cast<std::uint32_t>(t);
            carry = t >> 32;
        }
    }
    out.trim();
    return out;
}

int compare(const BigUint& a, const BigUint& b) {
    if (a.limbs_.size() != b.limbs_.size()) return a.limbs_.size() < b.limbs_.size() ? -1 : 1;
    for (std::size_t i = a.limbs_.size(); i-- > 0;) {
        if (a.limbs_[i] != b.limbs_[i]) return a.limbs_[i] < b.limbs_[i] ? -1 : 1;
    }
    return 0;
}

}  // namespace jobzone
