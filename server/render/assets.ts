// The renderer's only inputs besides the document: the resvg WebAssembly module and the DejaVu fonts.
// Imported `with { type: 'file' }`, like the SPA: `bun build --compile` embeds them in the executable, and a source run
// (`bun run server/main.ts`, tests) reads them from node_modules. Nothing is loaded from the system or the network.
import wasmPath from '@resvg/resvg-wasm/index_bg.wasm' with { type: 'file' };
import sansPath from 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf' with { type: 'file' };
import sansBoldPath from 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf' with { type: 'file' };
import monoPath from 'dejavu-fonts-ttf/ttf/DejaVuSansMono.ttf' with { type: 'file' };

export interface RenderAssets {
  wasm: ArrayBuffer;
  sans: Uint8Array;
  sansBold: Uint8Array;
  mono: Uint8Array;
}

let loading: Promise<RenderAssets> | undefined;

/** Reads the four files once per process; later calls share the same bytes. */
export function loadRenderAssets(): Promise<RenderAssets> {
  loading ??= (async () => {
    const bytes = async (path: string) => new Uint8Array(await Bun.file(path).arrayBuffer());
    const [wasm, sans, sansBold, mono] = await Promise.all([Bun.file(wasmPath).arrayBuffer(), bytes(sansPath), bytes(sansBoldPath), bytes(monoPath)]);
    return { wasm, sans, sansBold, mono };
  })();
  // A failed read must not stick: the next snapshot tries again.
  loading.catch(() => (loading = undefined));
  return loading;
}
