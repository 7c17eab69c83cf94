//! What the binary does without a window: `versus --check-pack FILE...`
//! validates packs for their authors (in their own CI, say) and exits.

use std::io::Write;
use std::path::Path;

use versus_core::content::pack::read_pack_file;

/// Runs a command-line-only request and answers its exit code, or None when
/// the app should start as usual.
pub fn run(args: &[String]) -> Option<i32> {
    let position = args.iter().position(|arg| arg == "--check-pack")?;
    let files = &args[position + 1..];
    let stdout = std::io::stdout();
    let stderr = std::io::stderr();
    Some(check_packs(files, &mut stdout.lock(), &mut stderr.lock()))
}

/// Checks each file; prints every problem with its path in the file on
/// `err` and a line per good pack on `out`. 0 when all are valid, 1 when
/// any is not, 2 when no file was named.
pub fn check_packs(files: &[String], out: &mut impl Write, err: &mut impl Write) -> i32 {
    if files.is_empty() {
        let _ = writeln!(err, "usage: versus --check-pack FILE.versuspack [FILE...]");
        return 2;
    }
    let mut code = 0;
    for file in files {
        match read_pack_file(Path::new(file)) {
            Ok(pack) => {
                let _ = writeln!(
                    out,
                    "{file}: valid: pack {:?} version {} with {} comparison(s)",
                    pack.id,
                    pack.version,
                    pack.comparisons.len()
                );
            }
            Err(problems) => {
                code = 1;
                let _ = writeln!(err, "{file}: {} problem(s):", problems.len());
                for problem in problems {
                    let _ = writeln!(err, "  {}: {}", problem.field, problem.message);
                }
            }
        }
    }
    code
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bad_pack_prints_each_problem_with_its_path_and_fails() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bad.versuspack");
        std::fs::write(
            &path,
            r#"{"format":"versus-pack","format_version":1,"id":"Bad Id","name":"","version":"1","comparisons":[]}"#,
        )
        .unwrap();
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let code = check_packs(&[path.display().to_string()], &mut out, &mut err);
        let err = String::from_utf8(err).unwrap();
        assert_eq!(code, 1);
        assert!(err.contains("  id: \"Bad Id\" is not a lowercase slug"), "{err}");
        assert!(err.contains("  name: must not be empty"), "{err}");
        assert!(err.contains("  comparisons: holds no comparison"), "{err}");
        assert!(out.is_empty());
    }

    #[test]
    fn no_file_is_a_usage_error_and_other_arguments_start_the_app() {
        let (mut out, mut err) = (Vec::new(), Vec::new());
        assert_eq!(check_packs(&[], &mut out, &mut err), 2);
        assert_eq!(run(&["versus".into(), "some.versuspack".into()]), None);
    }
}
