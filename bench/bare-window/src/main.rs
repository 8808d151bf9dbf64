//! A bare Tauri window: the configured window and an empty page, which
//! reports only the moment it was first painted (for the bench).

#[tauri::command]
fn painted(at: f64) {
    eprintln!("breathing-room: painted at {at:.1} ms");
}

fn main() {
    tauri::Builder::default()
        .invoke_handler(tauri::generate_handler![painted])
        .run(tauri::generate_context!())
        .expect("the bare window could not start");
}
