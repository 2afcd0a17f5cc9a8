// Errors of the statistics that come from how a layer's file and its layer file fit together
// (not from reading bytes: those are sources/errors.ts). The English message is for the command
// line; the code and its facts are what the app translates (ui/report_error_text.ts).

export type StatsErrorCode = 'source-layer-missing' | 'source-layer-ambiguous' | 'no-source-layers' | 'unsupported-geometry' | 'band-missing';

export interface StatsErrorFacts {
  /** The archive or file, as given. */
  file?: string;
  /** The source layer the layer file names. */
  wanted?: string;
  /** The source layers the archive has. */
  layers?: string[];
  /** A feature's geometry type. */
  geometry?: string;
  /** The 1-based band asked for, and how many the raster has. */
  band?: number;
  bands?: number;
}

export class StatsError extends Error {
  override name = 'StatsError';
  constructor(readonly code: StatsErrorCode, message: string, readonly facts: StatsErrorFacts = {}) {
    super(message);
  }
}
