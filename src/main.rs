// mimalloc: a build allocates many small strings on every core at once, which glibc's
// allocator serves far more slowly (docs/performance.md has the measurement).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    briefing::cli::main()
}
