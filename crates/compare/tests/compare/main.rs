//! Comparing versions of a resolution: one test binary, a module per area.

mod compare;
mod compare_series;
mod many_alike;
