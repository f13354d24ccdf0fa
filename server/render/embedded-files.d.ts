// Types for the files server/render/assets.ts imports `with { type: 'file' }`: Bun hands back a path (on disk when run
// from source, inside the executable when compiled), never the bytes.
declare module '*.wasm' {
  const path: string;
  export default path;
}
declare module '*.ttf' {
  const path: string;
  export default path;
}
