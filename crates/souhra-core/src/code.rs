//! Official codes as types that can only hold valid values (parse, don't validate).
//!
//! Every code that comes from outside (a CSV file, a URL, a form) is turned into one of these
//! types once, at the edge, with an error that names the value and what was expected.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// A value that is not a valid code of the expected kind.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{value:?} is not a valid {what}: {expected}")]
pub struct CodeError {
    /// What kind of code was expected, e.g. "municipality code".
    pub what: &'static str,
    /// The offending input (trimmed).
    pub value: String,
    /// What a valid value looks like.
    pub expected: &'static str,
}

/// Parses `input` as a decimal number of `min_digits..=max_digits` digits.
fn parse_digits(
    input: &str,
    what: &'static str,
    expected: &'static str,
    digits: std::ops::RangeInclusive<usize>,
) -> Result<u32, CodeError> {
    let value = input.trim();
    let error = || CodeError {
        what,
        value: value.to_owned(),
        expected,
    };
    if !digits.contains(&value.len()) || !value.bytes().all(|b| b.is_ascii_digit()) {
        return Err(error());
    }
    value.parse::<u32>().map_err(|_| error())
}

macro_rules! numeric_code {
    ($(#[$doc:meta])* $name:ident, $what:literal, $expected:literal, $digits:expr) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(try_from = "u32", into = "u32")]
        pub struct $name(u32);

        impl $name {
            /// Parses the code from text (surrounding whitespace is ignored).
            pub fn parse(input: &str) -> Result<Self, CodeError> {
                parse_digits(input, $what, $expected, $digits).map(Self)
            }

            /// The numeric value of the code.
            pub fn get(self) -> u32 {
                self.0
            }
        }

        impl TryFrom<u32> for $name {
            type Error = CodeError;
            fn try_from(value: u32) -> Result<Self, CodeError> {
                Self::parse(&value.to_string())
            }
        }

        impl TryFrom<i64> for $name {
            type Error = CodeError;
            fn try_from(value: i64) -> Result<Self, CodeError> {
                Self::parse(&value.to_string())
            }
        }

        impl From<$name> for u32 {
            fn from(code: $name) -> u32 {
                code.0
            }
        }

        impl From<$name> for i64 {
            fn from(code: $name) -> i64 {
                i64::from(code.0)
            }
        }

        impl FromStr for $name {
            type Err = CodeError;
            fn from_str(s: &str) -> Result<Self, CodeError> {
                Self::parse(s)
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}", self.0)
            }
        }
    };
}

numeric_code!(
    /// Municipality code (kód obce): ČSÚ codelist 43, identical to the RÚIAN code; six digits,
    /// e.g. `558109` for Nepomuk.
    MunicipalityCode,
    "municipality code",
    "six digits, e.g. 558109",
    6..=6
);
numeric_code!(
    /// Region code (kód kraje) in RÚIAN (VÚSC), e.g. `43` for Plzeňský kraj.
    RegionCode,
    "region code",
    "the RÚIAN region code, 2 to 3 digits, e.g. 43",
    2..=3
);
numeric_code!(
    /// District code (kód okresu) in RÚIAN, e.g. `3406` for Plzeň-jih.
    DistrictCode,
    "district code",
    "the RÚIAN district code, 4 digits, e.g. 3406",
    4..=4
);
numeric_code!(
    /// ORP code from ČSÚ codelist 65, e.g. `3207` for Nepomuk (`1000` for Praha).
    OrpCode,
    "ORP code",
    "the ČSÚ ORP code, 4 digits, e.g. 3207",
    4..=4
);
numeric_code!(
    /// POU code from ČSÚ codelist 61, e.g. `32071`.
    PouCode,
    "POU code",
    "the ČSÚ POU code, 5 digits, e.g. 32071",
    5..=5
);

/// Postcode (PSČ): five digits, the first 1–7. Accepts the usual written form `335 01`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "u32", into = "u32")]
pub struct Postcode(u32);

impl Postcode {
    /// Parses `33501` or `335 01`.
    pub fn parse(input: &str) -> Result<Self, CodeError> {
        let compact: String = input.chars().filter(|c| !c.is_whitespace()).collect();
        let expected = "five digits starting with 1–7, e.g. 335 01";
        let value = parse_digits(&compact, "postcode", expected, 5..=5)?;
        if !(10_000..80_000).contains(&value) {
            return Err(CodeError {
                what: "postcode",
                value: input.trim().to_owned(),
                expected,
            });
        }
        Ok(Self(value))
    }

    /// The postcode as a number (`33501`).
    pub fn get(self) -> u32 {
        self.0
    }
}

impl TryFrom<u32> for Postcode {
    type Error = CodeError;
    fn try_from(value: u32) -> Result<Self, CodeError> {
        Self::parse(&value.to_string())
    }
}

impl TryFrom<i64> for Postcode {
    type Error = CodeError;
    fn try_from(value: i64) -> Result<Self, CodeError> {
        Self::parse(&value.to_string())
    }
}

impl From<Postcode> for u32 {
    fn from(code: Postcode) -> u32 {
        code.0
    }
}

impl fmt::Display for Postcode {
    /// The written form with a space: `335 01`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:03} {:02}", self.0 / 100, self.0 % 100)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn municipality_codes() {
        assert_eq!(
            MunicipalityCode::parse(" 558109 ").map(|c| c.get()),
            Ok(558109)
        );
        for bad in ["", "55810", "5581090", "55810a", "-55810", "５５８１０９"] {
            let error = MunicipalityCode::parse(bad).unwrap_err();
            assert_eq!(error.what, "municipality code");
        }
        assert!(MunicipalityCode::try_from(12_i64).is_err());
    }

    #[test]
    fn other_codes() {
        assert!(RegionCode::parse("43").is_ok());
        assert!(RegionCode::parse("4").is_err());
        assert!(DistrictCode::parse("3406").is_ok());
        assert!(OrpCode::parse("3207").is_ok());
        assert!(OrpCode::parse("32070").is_err());
        assert!(PouCode::parse("32071").is_ok());
    }

    #[test]
    fn postcodes() {
        let p = Postcode::parse("335 01").unwrap();
        assert_eq!(p.get(), 33501);
        assert_eq!(p.to_string(), "335 01");
        assert_eq!(Postcode::parse("10000").unwrap().to_string(), "100 00");
        for bad in ["", "0000", "00001", "90000", "335011", "33 5O1"] {
            assert!(Postcode::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn error_message_names_value_and_expectation() {
        let message = MunicipalityCode::parse("12x").unwrap_err().to_string();
        assert_eq!(
            message,
            "\"12x\" is not a valid municipality code: six digits, e.g. 558109"
        );
    }
}
