//! Drafts too large for `localStorage`, kept in this browser's IndexedDB (the database `pipelens`, its
//! store `drafts`, one UTF-8 byte array per key). Written by hand over `web-sys`: three calls (put, get,
//! delete) do not need a crate, and the page's wasm stays smaller (ARCHITECTURE.md).

use js_sys::{Promise, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbObjectStore, IdbRequest, IdbTransaction, IdbTransactionMode};

/// The database of the site.
const DATABASE: &str = "pipelens";
/// Its store of drafts.
const STORE: &str = "drafts";

/// Why a draft could not be read or written, for the console.
pub(crate) type StoreError = String;

/// What a JavaScript error says.
fn describe(error: JsValue) -> StoreError {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|error| String::from(error.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| format!("{error:?}"))
}

/// Keeps `text` under `key`, replacing what was there; done when the write is committed.
pub(crate) async fn put(key: &str, text: &str) -> Result<(), StoreError> {
    let bytes = Uint8Array::new_with_length(text.len() as u32);
    bytes.copy_from(text.as_bytes());
    let (transaction, store) = open_store(IdbTransactionMode::Readwrite).await?;
    store
        .put_with_key(&bytes, &JsValue::from_str(key))
        .map_err(describe)?;
    finished(&transaction).await
}

/// The text kept under `key`, if any.
pub(crate) async fn get(key: &str) -> Result<Option<String>, StoreError> {
    let (_transaction, store) = open_store(IdbTransactionMode::Readonly).await?;
    let request = store.get(&JsValue::from_str(key)).map_err(describe)?;
    let value = result_of(&request).await?;
    let Some(bytes) = value.dyn_ref::<Uint8Array>() else {
        return Ok(None);
    };
    Ok(Some(String::from_utf8_lossy(&bytes.to_vec()).into_owned()))
}

/// Forgets what is kept under `key`; done when the deletion is committed.
pub(crate) async fn delete(key: &str) -> Result<(), StoreError> {
    let (transaction, store) = open_store(IdbTransactionMode::Readwrite).await?;
    store.delete(&JsValue::from_str(key)).map_err(describe)?;
    finished(&transaction).await
}

/// Opens the database (making its store the first time) and a transaction on the store.
async fn open_store(
    mode: IdbTransactionMode,
) -> Result<(IdbTransaction, IdbObjectStore), StoreError> {
    let factory = web_sys::window()
        .ok_or("no window")?
        .indexed_db()
        .map_err(describe)?
        .ok_or("IndexedDB is not available")?;
    let request = factory.open_with_u32(DATABASE, 1).map_err(describe)?;
    let upgrading = request.clone();
    let on_upgrade = Closure::once_into_js(move || {
        if let Ok(database) = upgrading.result().and_then(JsCast::dyn_into::<IdbDatabase>) {
            if !database.object_store_names().contains(STORE) {
                let _ = database.create_object_store(STORE);
            }
        }
    });
    request.set_onupgradeneeded(Some(on_upgrade.unchecked_ref()));
    let database: IdbDatabase = result_of(&request).await?.dyn_into().map_err(describe)?;
    let transaction = database
        .transaction_with_str_and_mode(STORE, mode)
        .map_err(describe)?;
    let store = transaction.object_store(STORE).map_err(describe)?;
    Ok((transaction, store))
}

/// The result of `request` once it succeeds, or its error.
async fn result_of(request: &IdbRequest) -> Result<JsValue, StoreError> {
    let promise = Promise::new(&mut |resolve, reject| {
        let succeeded = request.clone();
        request.set_onsuccess(Some(
            Closure::once_into_js(move || {
                let _ = resolve.call1(&JsValue::NULL, &succeeded.result().unwrap_or_default());
            })
            .unchecked_ref(),
        ));
        let failed = request.clone();
        request.set_onerror(Some(
            Closure::once_into_js(move || {
                let error = failed.error().ok().flatten().map(JsValue::from);
                let _ = reject.call1(&JsValue::NULL, &error.unwrap_or_default());
            })
            .unchecked_ref(),
        ));
    });
    JsFuture::from(promise).await.map_err(describe)
}

/// Waits for `transaction` to commit, or for its error or abort.
async fn finished(transaction: &IdbTransaction) -> Result<(), StoreError> {
    let promise = Promise::new(&mut |resolve, reject| {
        transaction.set_oncomplete(Some(
            Closure::once_into_js(move || {
                let _ = resolve.call0(&JsValue::NULL);
            })
            .unchecked_ref(),
        ));
        let failed = transaction.clone();
        let reject_again = reject.clone();
        let aborted = transaction.clone();
        transaction.set_onerror(Some(
            Closure::once_into_js(move || {
                let error = failed.error().map(JsValue::from);
                let _ = reject.call1(&JsValue::NULL, &error.unwrap_or_default());
            })
            .unchecked_ref(),
        ));
        transaction.set_onabort(Some(
            Closure::once_into_js(move || {
                let error = aborted.error().map(JsValue::from);
                let _ = reject_again.call1(&JsValue::NULL, &error.unwrap_or_default());
            })
            .unchecked_ref(),
        ));
    });
    JsFuture::from(promise).await.map(|_| ()).map_err(describe)
}
