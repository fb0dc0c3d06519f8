//! What the window tests share: everything of `qarar-testkit` (corpus, seed, temporary
//! folders) and the window helpers of [`window`].

#![allow(dead_code, unused_imports)]

pub(crate) use qarar_testkit::*;

pub(crate) mod window;
