// Prevents an extra console window on Windows in release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(code) = versus_lib::cli::run(&args) {
        std::process::exit(code);
    }
    versus_lib::run();
}
