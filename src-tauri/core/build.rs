fn main() {
    // The library is embedded with include_dir!, which cannot tell cargo about
    // the files it reads on stable Rust; this makes content edits rebuild.
    println!("cargo:rerun-if-changed=../../content");
    println!("cargo:rerun-if-changed=migrations");
}
