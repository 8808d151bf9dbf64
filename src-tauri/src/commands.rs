//! The UI's requests, each handed straight to the core.

use crate::AppState;
use journal_core::{ErrorPayload, Page, PageSummary, SearchHit};
use tauri::{Runtime, State, WebviewWindow};

type Reply<T> = Result<T, ErrorPayload>;

#[tauri::command]
pub fn today(state: State<'_, AppState>) -> Reply<String> {
    Ok(state.journal()?.today())
}

#[tauri::command]
pub fn get_page(state: State<'_, AppState>, date: String) -> Reply<Page> {
    Ok(state.journal()?.get_page(&date)?)
}

#[tauri::command]
pub fn save_page(
    state: State<'_, AppState>,
    date: String,
    body: String,
    mood: Option<u8>,
) -> Reply<Page> {
    Ok(state.journal()?.save_page(&date, &body, mood)?)
}

#[tauri::command]
pub fn list_pages(
    state: State<'_, AppState>,
    from: Option<String>,
    to: Option<String>,
) -> Reply<Vec<PageSummary>> {
    Ok(state
        .journal()?
        .list_pages(from.as_deref(), to.as_deref())?)
}

#[tauri::command]
pub fn search_pages(state: State<'_, AppState>, query: String) -> Reply<Vec<SearchHit>> {
    Ok(state.journal()?.search(&query)?)
}

/// The UI has saved what it had; the window may close now.
#[tauri::command]
pub fn close_ready<R: Runtime>(window: WebviewWindow<R>) -> Reply<()> {
    window.destroy().map_err(|e| ErrorPayload {
        code: "window".into(),
        message: e.to_string(),
    })
}
