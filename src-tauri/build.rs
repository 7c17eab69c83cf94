fn main() {
    // The library is embedded with include_dir!, which cannot tell cargo about
    // the files it reads on stable Rust; this makes content edits rebuild.
    println!("cargo:rerun-if-changed=content");
    // The UI is embedded by generate_context!(); rebuild when it changes.
    println!("cargo:rerun-if-changed=ui");
    tauri_build::try_build(
        tauri_build::Attributes::new().capabilities_path_pattern("src-tauri/capabilities/**/*"),
    )
    .expect("tauri-build failed");
}
