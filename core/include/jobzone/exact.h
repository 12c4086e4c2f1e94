// Exact arithmetic for every figure the method decides or prints: rationals over 128-bit
// integers (the formula's terms are decimals with few places, so every value stays far inside
// that range), decimal rounding half away from zero, and a small unsigned big integer for exact
// probabilities. Fast floating point stays where no decision depends on the last bits.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace jobzone {

using i128 = __int128;

// num/den in lowest terms, den > 0.
struct Rational {
    i128 num = 0;
    i128 den = 1;
};

Rational rational(i128 num, i128 den = 1);
Rational add(const Rational& a, const Rational& b);
Rational sub(const Rational& a, const Rational& b);
Rational mul(const Rational& a, const Rational& b);
Rational div(const Rational& a, const Rational& b);  // b != 0
// -1, 0 or 1; exact and free of overflow for any two rationals (by continued fractions).
int compare(const Rational& a, const Rational& b);
inline bool operator<(const Rational& a, const Rational& b) { return compare(a, b) < 0; }
inline bool operator==(const Rational& a, const Rational& b) { return a.num == b.num && a.den == b.den; }
// The double nearest the value (one rounding).
double to_double(const Rational& r);
// The exact value rounded to `decimals` places, half away from zero ("64.65" stays "64.65" at two
// places and is "64.7" at one; "-0.0" is printed "0.0").
std::string format_rational(const Rational& r, int decimals);
// The value rounded half away from zero to a multiple of 10^-decimals, as a rational.
Rational round_rational(const Rational& r, int decimals);
// The decimal a double was written as: the one with the fewest places (at most 12) that reads back
// as it; nullopt for values that are no such decimal.
std::optional<Rational> decimal_of(double value);
// The exact value of a double (any finite double is m x 2^e: a rational).
Rational rational_of_double(double value);
// A number the method or a document wrote as a decimal, exactly: the decimal when there is one
// (decimal_of), else the double's own exact value.
Rational exact_of(double value);
// The exact value of a JSON number's text ("12.5", "1e1", "-0.25"), or nullopt when it is not a
// decimal of at most `max_places` places after the point or its digits do not fit.
std::optional<Rational> decimal_of_text(std::string_view text, int max_places);

// An unsigned integer of any size (32-bit limbs, least significant first): exact probability
// weights, whose common denominators reach 10^70 for fifty "not sure" inputs.
class BigUint {
public:
    BigUint() = default;
    explicit BigUint(std::uint64_t value);
    bool is_zero() const { return limbs_.empty(); }
    BigUint& operator+=(const BigUint& other);
    BigUint& mul_small(std::uint32_t factor);
    friend BigUint operator*(const BigUint& a, const BigUint& b);
    friend int compare(const BigUint& a, const BigUint& b);

private:
    void trim();
    std::vector<std::uint32_t> limbs_;
};

}  // namespace jobzone
