//! Integration tests of the Versus library, one module per area, linked as a
//! single binary (each test binary links the whole app, webview included).

mod backup;
mod content;
mod crash;
mod hygiene;
mod library_content;
mod notes;
mod search;
mod store;
mod study;
mod support;
