//! A bare Tauri window: the configured window, an empty page, nothing else.

fn main() {
    tauri::Builder::default()
        .run(tauri::generate_context!())
        .expect("the bare window could not start");
}
