// mimalloc: a build allocates many small strings on every core at once, where glibc's
// allocator spent a third of the CPU time (see docs/performance.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    briefing::cli::main()
}
