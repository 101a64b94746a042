//! Loading an article over the network: no cookies, a 10-second limit, a 5 MiB cap checked
//! while reading, abortable at any moment, and every failure mapped to a [`LoadError`].

use gloo_net::http::Response;
use js_sys::{Array, Promise, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, AbortSignal, ReadableStreamDefaultReader, RequestCredentials};

use crate::error::{FormatProblem, LoadError};
use crate::model::Article;

/// SPEC §2: the fetch gives up after this long, body included.
pub const TIMEOUT_MS: u32 = 10_000;
/// SPEC §2: larger documents are refused (`format`).
pub const MAX_BYTES: usize = 5 * 1024 * 1024;

/// A request in flight and the controller that aborts it.
pub struct InFlight {
    url: String,
    /// The `fetch` promise: ours, or the loader's early one.
    response: Promise,
    controller: AbortController,
}

impl InFlight {
    /// Starts a credential-less GET of `url` (absolute) that times out after [`TIMEOUT_MS`].
    pub fn start(url: &str) -> Result<InFlight, LoadError> {
        let controller = AbortController::new().map_err(|_| LoadError::Network)?;
        let signal = AbortSignal::any(&Array::of2(
            &controller.signal(),
            &AbortSignal::timeout_with_u32(TIMEOUT_MS),
        ));
        // No custom headers: the request stays "simple" (no CORS preflight, CDN-cacheable).
        let init = web_sys::RequestInit::new();
        init.set_credentials(RequestCredentials::Omit);
        init.set_signal(Some(&signal));
        // The `web_sys::Request` is made here, not by gloo-net's `RequestBuilder`: the builder
        // rewrites the URL to add its own query parameters (`?id=1&v=2` becomes `?id=1&v=2&`, a
        // bare trailing `?` goes), so the request would miss the cache entry of the loader's
        // early fetch of the same `src` and hit the server a second time (tests/e2e/
        // request-url.spec.mjs). It is sent with `window.fetch`, not gloo-net's `send`: that
        // panics (`unreachable!` in gloo-net 0.6's `js_to_error`) when the promise rejects with
        // anything but an `Error`, which a host page's own `fetch` wrapper may do, and a panic
        // would trap the wasm module of every widget on the page (tests/e2e/faults.spec.mjs).
        // gloo-net wraps the response, as for the loader's early fetch.
        let request =
            web_sys::Request::new_with_str_and_init(url, &init).map_err(|_| LoadError::Network)?;
        let window = web_sys::window().ok_or(LoadError::Network)?;
        let response = window.fetch_with_request(&request);
        Ok(InFlight {
            url: url.to_owned(),
            response,
            controller,
        })
    }

    /// Takes over a fetch the loader started for `url` (`{ url, response, controller }`), so the
    /// article download overlaps the wasm download instead of following it.
    pub fn adopt(prefetch: &JsValue, url: &str) -> Option<InFlight> {
        let field = |name: &str| Reflect::get(prefetch, &JsValue::from_str(name)).ok();
        if field("url")?.as_string()? != url {
            return None;
        }
        Some(InFlight {
            url: url.to_owned(),
            response: field("response")?.dyn_into().ok()?,
            controller: field("controller")?.dyn_into().ok()?,
        })
    }

    /// A handle that aborts this request.
    pub fn controller(&self) -> AbortController {
        self.controller.clone()
    }

    /// Waits for the whole document and parses it.
    pub async fn article(self) -> Result<Article, LoadError> {
        // Whatever the promise settles with (a host's `fetch` wrapper may reject with a string or
        // resolve with anything) is mapped to a `LoadError`, never unwrapped.
        let response: Response = JsFuture::from(self.response)
            .await
            .map_err(|e| error_from_js(&e))?
            .dyn_into::<web_sys::Response>()
            .map_err(|_| LoadError::Network)?
            .into();
        if !response.ok() {
            return Err(LoadError::Http {
                status: response.status(),
            });
        }
        let bytes = read_capped(&response, &self.controller).await?;
        let final_url = response.url();
        let base = if final_url.is_empty() {
            &self.url
        } else {
            &final_url
        };
        Article::parse(&bytes, base).map_err(LoadError::Format)
    }
}

/// Reads the body chunk by chunk, refusing it as soon as it passes [`MAX_BYTES`], whether or
/// not the server announced its length.
async fn read_capped(
    response: &Response,
    controller: &AbortController,
) -> Result<Vec<u8>, LoadError> {
    let too_large = || {
        controller.abort();
        LoadError::Format(FormatProblem::TooLarge)
    };
    let announced = response
        .headers()
        .get("content-length")
        .and_then(|v| v.trim().parse::<u64>().ok());
    if announced.is_some_and(|n| n > MAX_BYTES as u64) {
        return Err(too_large());
    }
    let Some(stream) = response.body() else {
        return Ok(Vec::new());
    };
    let reader: ReadableStreamDefaultReader = stream
        .get_reader()
        .dyn_into()
        .map_err(|_| LoadError::Network)?;
    let mut bytes = Vec::with_capacity(announced.map_or(16 * 1024, |n| n as usize));
    loop {
        let chunk = JsFuture::from(reader.read())
            .await
            .map_err(|e| error_from_js(&e))?;
        if Reflect::get(&chunk, &JsValue::from_str("done"))
            .ok()
            .and_then(|d| d.as_bool())
            != Some(false)
        {
            return Ok(bytes);
        }
        let value = Reflect::get(&chunk, &JsValue::from_str("value")).unwrap_or(JsValue::UNDEFINED);
        let Some(array) = value.dyn_ref::<Uint8Array>() else {
            return Err(LoadError::Network);
        };
        if bytes.len() + array.length() as usize > MAX_BYTES {
            let _ = reader.cancel();
            return Err(too_large());
        }
        let start = bytes.len();
        bytes.resize(start + array.length() as usize, 0);
        array.copy_to(&mut bytes[start..]);
    }
}

/// `fetch` and stream reads reject with a `DOMException` whose name tells a timeout apart (a host
/// page's own `fetch` wrapper may reject with anything: that is a network error).
fn error_from_js(error: &JsValue) -> LoadError {
    let name = Reflect::get(error, &JsValue::from_str("name"))
        .ok()
        .and_then(|n| n.as_string());
    match name.as_deref() {
        Some("TimeoutError") => LoadError::Timeout,
        _ => LoadError::Network,
    }
}
