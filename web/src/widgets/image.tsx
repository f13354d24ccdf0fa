// Image widget: shows only data: URLs of raster/SVG images, so the page never loads from another host.
import type { JSX } from 'solid-js';
import type { WidgetView } from '../api/types';
import { isAllowedImageSrc } from '../../../server/dashboard/present/safe-url.ts';
import { need, optString } from '../../../server/dashboard/present/widget-fields.ts';

export function ImageWidget(props: { widget: WidgetView }): JSX.Element {
  const src = (): string =>
    need(isAllowedImageSrc(props.widget.src), props.widget.src as string, 'image not shown: "src" must be a data: URL of a png, jpeg, gif, webp or svg image');
  return (
    <figure class="image">
      <img src={src()} alt={optString(props.widget.alt, 'alt') ?? ''} />
    </figure>
  );
}
