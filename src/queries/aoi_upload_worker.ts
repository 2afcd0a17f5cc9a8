// Web Worker that reads one uploaded AOI file off the main thread (a 250 000-vertex file used to
// freeze the tab for tens of seconds). It runs the same pure reader as the CLI and the unit tests;
// errors come back as data (codes), so the page words them in its own language.
// It also computes what adding the areas would otherwise cost the page (ids, link fit, map outline).
// Workers have no DOMParser: KML and GPX go through @xmldom/xmldom, as in Node.
import { DOMParser } from '@xmldom/xmldom';
import { readAoiFile } from './aoi_geometry_read';
import type { XmlParserClass } from './aoi_geometry_formats';
import { AoiReadError, type AoiErrorCode, type AoiNote } from './aoi_geometry_types';
import { packFeature, transferables, unpackFeature, type PackedFeature } from './aoi_geometry_pack';
import { prepareAois, type PreparedAoi } from '../state/aoi_codec_prepare';

export interface AoiReadRequest {
  type: 'read';
  file: Blob;
  name: string;
  /** The page's AOIs (id, name) when the reading starts: the new ones' ids and link share follow. */
  existing: Array<{ id: string; name: string }>;
}

export type AoiWorkerMessage =
  | { type: 'phase'; phase: 'repair' }
  | { type: 'done'; features: PackedFeature[]; prepared: PreparedAoi[]; notes: AoiNote[] }
  | { type: 'failed'; code: AoiErrorCode; file: string; detail: string }
  | { type: 'crashed'; message: string };

const scope = self as unknown as { postMessage(message: AoiWorkerMessage, transfer?: Transferable[]): void; onmessage: ((event: MessageEvent<AoiReadRequest>) => void) | null };

scope.onmessage = async (event) => {
  const { file, name, existing } = event.data;
  try {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const result = await readAoiFile(name, bytes, {
      // xmldom throws a ParseError on malformed XML; the reader turns it into 'unreadable'.
      xmlParser: DOMParser as unknown as XmlParserClass,
      onParsed: () => scope.postMessage({ type: 'phase', phase: 'repair' }),
    });
    const features = result.features.map(packFeature);
    const prepared = prepare(features, name, existing);
    const transfer = [...transferables(features), ...prepared.map((item) => item.fit.bytes.buffer as ArrayBuffer)];
    scope.postMessage({ type: 'done', features, prepared, notes: result.notes }, transfer);
  } catch (error) {
    if (error instanceof AoiReadError) {
      scope.postMessage({ type: 'failed', code: error.code, file: error.file, detail: error.detail });
    } else {
      scope.postMessage({ type: 'crashed', message: error instanceof Error ? error.message : String(error) });
    }
  }
};

/** Prepared from the geometry exactly as the page will rebuild it (packing drops any z value). */
function prepare(features: PackedFeature[], fileName: string, existing: AoiReadRequest['existing']): PreparedAoi[] {
  const items = features.map(unpackFeature).map((feature) => ({ name: feature.properties.name ?? fileName, geometry: feature.geometry }));
  return prepareAois(existing, items);
}
