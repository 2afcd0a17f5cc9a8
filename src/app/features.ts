// Every optional feature of the app, installed once the map and catalogue are ready.
// One line per feature: add yours here.
import type { FeatureInstaller } from './context';
import { installReport } from './feature_report';
import { installSearch } from './feature_search';
import { installIdentify } from './feature_identify';
import { installVerdict } from './feature_verdict';
import { installAoi } from './feature_aoi';
import { installAddData } from './feature_add_data';
import { installRefresh } from './feature_refresh';
import { installCompare } from './feature_compare';
import { installMeasure } from './feature_measure';
import { installTime } from './feature_time';
import { installSeries } from './feature_series';
import { installBasemap } from './feature_basemap';
import { installOffline } from './feature_offline';
import { installPwa } from './feature_pwa';
import { installGps } from './feature_gps';
import { installPrint } from './feature_print';
import { installBands } from './feature_bands';

export const FEATURES: FeatureInstaller[] = [
  installReport,
  installSearch,
  installIdentify,
  installVerdict,
  installAoi,
  installAddData,
  installRefresh,
  installCompare,
  installMeasure,
  installTime,
  installSeries,
  installBasemap,
  installOffline,
  installPwa,
  installGps,
  installPrint,
  installBands,
];
