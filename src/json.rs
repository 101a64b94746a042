//! JSON text to [`serde_json::Value`] through the browser's own `JSON.parse`, so the bundle
//! carries no JSON parser (measured in BENCHMARKS.md, "Size work"). The article model itself
//! stays on `serde_json::Value` and is tested natively with serde_json's parser.

use js_sys::{Array, Object, JSON};
use serde_json::{Map, Number, Value};
use wasm_bindgen::{JsCast, JsValue};

use crate::error::FormatProblem;

/// Nesting levels taken (about serde_json's own recursion limit): deeper is no article, and the
/// walk below must stay within the stack whatever the input.
const MAX_DEPTH: usize = 128;

/// Parses JSON text (already checked to be within the size cap).
pub fn parse(text: &str) -> Result<Value, FormatProblem> {
    let value = JSON::parse(text).map_err(|_| FormatProblem::NotJson)?;
    convert(&value, 0)
}

/// A host's `article` object, taken as JSON would see it: `JSON.stringify` first, so getters,
/// `toJSON`, cycles and exotic objects are resolved (or rejected) by the browser, not here.
pub fn from_object(value: &JsValue) -> Result<Value, FormatProblem> {
    let text = JSON::stringify(value)
        .ok()
        .and_then(|s| s.as_string())
        .ok_or(FormatProblem::NotJson)?;
    parse(&text)
}

/// `value` comes from `JSON.parse`: only null, booleans, numbers, strings, arrays and plain
/// objects. Where it is more lenient than serde_json, it stays harmless: numbers beyond the
/// double range (`1e400`, Infinity) become null, lone surrogates in strings U+FFFD.
fn convert(value: &JsValue, depth: usize) -> Result<Value, FormatProblem> {
    if depth >= MAX_DEPTH {
        return Err(FormatProblem::NotJson);
    }
    if let Some(text) = value.as_string() {
        return Ok(Value::String(text));
    }
    if let Some(number) = value.as_f64() {
        return Ok(number_from(number).map_or(Value::Null, Value::Number));
    }
    if let Some(flag) = value.as_bool() {
        return Ok(Value::Bool(flag));
    }
    if Array::is_array(value) {
        return value
            .unchecked_ref::<Array>()
            .iter()
            .map(|item| convert(&item, depth + 1))
            .collect::<Result<_, _>>()
            .map(Value::Array);
    }
    if value.is_object() {
        let mut map = Map::new();
        for entry in Object::entries(value.unchecked_ref::<Object>()).iter() {
            let entry = entry.unchecked_into::<Array>();
            let key = entry.get(0).as_string().unwrap_or_default();
            map.insert(key, convert(&entry.get(1), depth + 1)?);
        }
        return Ok(Value::Object(map));
    }
    Ok(Value::Null)
}

/// Whole numbers become integers, as serde_json parses them (`width: 1200` must read as a u64);
/// `None` for a number that is not finite.
fn number_from(number: f64) -> Option<Number> {
    const LIMIT: f64 = 9_007_199_254_740_992.0; // 2^53: beyond it a double is no exact integer
    if number.fract() == 0.0 && number.abs() <= LIMIT {
        return Some(if number >= 0.0 {
            Number::from(number as u64)
        } else {
            Number::from(number as i64)
        });
    }
    Number::from_f64(number)
}
