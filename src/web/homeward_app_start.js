// Starts the whole app (see src/first_load.rs), once homeward_app.js has defined `wasm_bindgen`:
// a name a classic script shares with later scripts but not with the page's wasm, so this hands
// the started app over as a property of the window.
window.homewardWholeApp = wasm_bindgen({ module_or_path: 'homeward_app_bg.wasm' })
  .then(() => ({ stand_by: wasm_bindgen.stand_by, take_over: wasm_bindgen.take_over, unlocked: wasm_bindgen.unlocked }));
