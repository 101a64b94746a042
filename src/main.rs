//! The binary Trunk builds; all behaviour lives in the library and is started by the loader.
fn main() {}
