// Image widget: the data URL itself as an SVG <image>, sized like the page's <img> (contain, centred, never enlarged).
import type { ImageWidget } from '../../dashboard/schema.ts';
import { CSS, type Body, type HeightClass, type RenderContext } from '../body.ts';
import { baseline, n, rect, text, type Box } from '../svg.ts';
import { ellipsize, escapeXml } from '../text.ts';
import { imageSize } from './image-size.ts';
import { drawImage, type DrawnImage } from './image-raster.ts';

// Larger pictures are not decoded for a snapshot (a 2 MiB PNG can unpack to hundreds of MB); a placeholder stands in.
const MAX_DECODED_PIXELS = 16_000_000;

export function imageBody(widget: ImageWidget, width: number, size: HeightClass, ctx: RenderContext): Body {
  const { fonts, palette } = ctx;
  const natural = imageSize(widget.src);
  const maxHeight = CSS.image[size];
  const drawable = natural !== undefined && natural.width * natural.height <= MAX_DECODED_PIXELS;
  const scale = natural ? Math.min(1, width / natural.width, maxHeight / natural.height) : 1;
  const shown = natural ? { width: natural.width * scale, height: natural.height * scale } : { width, height: Math.min(maxHeight, 120) };
  const kind = /^data:image\/([a-z+]+)/.exec(widget.src)?.[1] ?? 'image';
  const summary = `${kind}${natural ? ` ${natural.width}x${natural.height}` : ''}, alt "${widget.alt.slice(0, 120)}"`;
  // Drawn on its own first: an SVG gets the embedded fonts, and a picture that shows nothing is a problem to report.
  const drawn: DrawnImage | undefined = drawable && ctx.assets ? drawImage(widget.src, shown.width, shown.height, palette.card, ctx.assets) : undefined;
  const problems: string[] = [];
  if (natural === undefined) problems.push('the image\'s size cannot be read from its data URL (broken or not an image): the page shows a broken picture; send a valid png, jpeg, gif, webp or svg data URL');
  else if (drawn && !drawn.ok) problems.push(`the image did not draw: ${drawn.reason}; the person sees an empty card. Send a valid data URL`);

  const draw = (box: Box): string => {
    const x = box.x + (box.width - shown.width) / 2;
    const y = box.y + Math.max(0, (box.height - shown.height) / 2);
    if (!drawable || (drawn && !drawn.ok)) {
      const frame = { x, y, width: shown.width, height: shown.height };
      const label = ellipsize(`[image: ${widget.alt}]`, frame.width - 12, 12.75, fonts.sans);
      return rect(frame, { fill: palette.codeBg, stroke: palette.border, rx: 6 }) + text(frame.x + 6, baseline(frame.y + 6, 19, 12.75), label, { font: 'sans', size: 12.75, fill: palette.muted });
    }
    return `<image x="${n(x)}" y="${n(y)}" width="${n(shown.width)}" height="${n(shown.height)}" preserveAspectRatio="xMidYMid meet" href="${escapeXml(drawn?.ok ? drawn.href : widget.src)}"/>`;
  };
  return { height: shown.height, draw, summary, problems };
}
