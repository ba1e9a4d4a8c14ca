//! The serde side of a dataset file: exactly the keys of DATA-SCHEMA.md
//! (`deny_unknown_fields`), with `Spanned` wherever validation must name a
//! value's line. Required keys are `Option` so that validation can report
//! every missing one instead of stopping at the first; numbers are
//! [`RawNum`], which accepts anything scalar so that `"72,10"` becomes a
//! schema error with a precise hint rather than a bare type error.

use crate::load::yaml::Spanned;
use serde::Deserialize;
use serde::de::{Deserializer, MapAccess, Visitor};
use std::fmt;
use std::marker::PhantomData;

/// A scalar where a number is expected. Only `Num` and `Null` are valid;
/// the other variants are kept so that validation can say what to write.
#[derive(Debug, Clone, PartialEq)]
pub enum RawNum {
    Num(f64),
    Null,
    Text(String),
    Bool(bool),
}

impl<'de> Deserialize<'de> for RawNum {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = RawNum;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a number such as 72.10, or null")
            }
            fn visit_i64<E>(self, v: i64) -> Result<RawNum, E> {
                Ok(RawNum::Num(v as f64))
            }
            fn visit_u64<E>(self, v: u64) -> Result<RawNum, E> {
                Ok(RawNum::Num(v as f64))
            }
            fn visit_i128<E>(self, v: i128) -> Result<RawNum, E> {
                Ok(RawNum::Num(v as f64))
            }
            fn visit_u128<E>(self, v: u128) -> Result<RawNum, E> {
                Ok(RawNum::Num(v as f64))
            }
            fn visit_f64<E>(self, v: f64) -> Result<RawNum, E> {
                Ok(RawNum::Num(v))
            }
            fn visit_str<E>(self, v: &str) -> Result<RawNum, E> {
                Ok(RawNum::Text(v.to_string()))
            }
            fn visit_bool<E>(self, v: bool) -> Result<RawNum, E> {
                Ok(RawNum::Bool(v))
            }
            fn visit_unit<E>(self) -> Result<RawNum, E> {
                Ok(RawNum::Null)
            }
            fn visit_none<E>(self) -> Result<RawNum, E> {
                Ok(RawNum::Null)
            }
        }
        d.deserialize_any(V)
    }
}

/// A unit or field key: text, or a whole number written without quotes
/// (`109:` is read as the text `"109"`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Key(pub String);

impl<'de> Deserialize<'de> for Key {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Key;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a key: text or a whole number")
            }
            fn visit_i64<E>(self, v: i64) -> Result<Key, E> {
                Ok(Key(v.to_string()))
            }
            fn visit_u64<E>(self, v: u64) -> Result<Key, E> {
                Ok(Key(v.to_string()))
            }
            fn visit_str<E>(self, v: &str) -> Result<Key, E> {
                Ok(Key(v.to_string()))
            }
        }
        d.deserialize_any(V)
    }
}

/// A mapping kept in document order, with the location of every key, so
/// that keys equal only after normalisation (`109` and `"109"`) can be
/// reported as duplicates at their line.
#[derive(Debug, Clone)]
pub struct OrderedMap<V>(pub Vec<(Spanned<Key>, V)>);

impl<'de, V: Deserialize<'de>> Deserialize<'de> for OrderedMap<V> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Vis<V>(PhantomData<V>);
        impl<'de, V: Deserialize<'de>> Visitor<'de> for Vis<V> {
            type Value = OrderedMap<V>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a mapping (key: value)")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut m: A) -> Result<Self::Value, A::Error> {
                let mut out = Vec::new();
                while let Some(entry) = m.next_entry()? {
                    out.push(entry);
                }
                Ok(OrderedMap(out))
            }
        }
        d.deserialize_map(Vis(PhantomData))
    }
}

/// `total: null` must be told apart from a missing `total`.
fn present<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Spanned<RawNum>>, D::Error> {
    Spanned::<RawNum>::deserialize(d).map(Some)
}

/// Same for the other `Option<Spanned<T>>` values whose absence is checked.
fn present_t<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
    d: D,
) -> Result<Option<Spanned<T>>, D::Error> {
    Spanned::<T>::deserialize(d).map(Some)
}

pub type SpannedNum = Option<Spanned<RawNum>>;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDataset {
    pub title: Option<Spanned<String>>,
    pub short_title: Option<Spanned<String>>,
    pub description: Option<String>,
    pub source: Option<Spanned<Vec<Spanned<RawSource>>>>,
    pub status: Option<Spanned<String>>,
    pub scale: Option<Spanned<RawScale>>,
    pub total: Option<Spanned<String>>,
    pub bands: Option<Vec<Spanned<RawBand>>>,
    pub fields: Option<Vec<Spanned<RawField>>>,
    pub units: Option<Spanned<Vec<Spanned<RawUnit>>>>,
    pub results: Option<Spanned<Vec<Spanned<RawYear>>>>,
    /// A built-in lineage table: `vn-2025-provinces`.
    pub lineage: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSource {
    pub name: Option<Spanned<String>>,
    pub url: Option<Spanned<String>>,
    pub note: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawScale {
    #[serde(default, deserialize_with = "present")]
    pub min: SpannedNum,
    #[serde(default, deserialize_with = "present")]
    pub max: SpannedNum,
    pub unit: Option<String>,
    #[serde(default, deserialize_with = "present")]
    pub decimals: SpannedNum,
    pub higher_is_better: Option<bool>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawBand {
    pub name: Option<Spanned<String>>,
    #[serde(default, deserialize_with = "present")]
    pub min: SpannedNum,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawField {
    pub key: Option<Spanned<Key>>,
    pub name: Option<Spanned<String>>,
    #[serde(default, deserialize_with = "present")]
    pub max: SpannedNum,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawUnit {
    pub key: Option<Spanned<Key>>,
    pub name: Option<Spanned<String>>,
    pub short: Option<Spanned<String>>,
    pub slug: Option<Spanned<String>>,
    /// ISO dates bounding the unit's life (schema v2).
    pub since: Option<Spanned<String>>,
    pub until: Option<Spanned<String>>,
    pub formed_from: Option<Spanned<Vec<Spanned<Key>>>>,
    pub succeeded_by: Option<Spanned<Vec<Spanned<Key>>>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawYear {
    #[serde(default, deserialize_with = "present")]
    pub year: SpannedNum,
    pub methodology: Option<String>,
    #[serde(default, deserialize_with = "present_t")]
    pub fields: Option<Spanned<Vec<Spanned<RawField>>>>,
    #[serde(default, deserialize_with = "present")]
    pub out_of: SpannedNum,
    #[serde(default, deserialize_with = "present_t")]
    pub scores: Option<Spanned<OrderedMap<Spanned<RawScore>>>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawScore {
    #[serde(default, deserialize_with = "present")]
    pub total: SpannedNum,
    #[serde(default, deserialize_with = "present")]
    pub rank: SpannedNum,
    pub fields: Option<OrderedMap<Spanned<RawNum>>>,
}
