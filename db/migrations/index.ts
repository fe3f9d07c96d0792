// Static migration provider: a packaged app (asar) cannot list a folder, so every migration is named here.
import type { Migration, MigrationProvider } from 'kysely';
import * as foundation from './2026-11-22_1130_foundation';
import * as reception from './2026-11-22_1300_reception';
import * as clinical from './2026-11-22_1400_clinical';
import * as performance from './2026-11-22_1500_performance';
import * as reportIndex from './2026-11-22_1510_report_index';
import * as reportSpeed from './2026-11-22_1600_report_speed';
import * as birthIndex from './2026-11-22_1610_birth_index';
import * as reportPeople from './2026-11-22_1620_report_people';
import * as reachCells from './2026-11-22_1700_reach_cells';
import * as searchPrefix4 from './2026-11-22_1710_search_prefix4';
import * as searchDetailColumn from './2026-11-22_1900_search_detail_column';
import * as phonesCovering from './2026-11-22_1910_phones_covering';
import * as nameCandidates from './2026-11-23_0100_name_candidates';
import * as searchNewestFirst from './2026-11-23_0110_search_newest_first';
import * as searchMerges from './2026-11-23_1700_search_merges';
import * as searchLeafSize from './2026-11-23_2230_search_leaf_size';

export const migrations: Record<string, Migration> = {
  '2026-11-22_1130_foundation': foundation,
  '2026-11-22_1300_reception': reception,
  '2026-11-22_1400_clinical': clinical,
  '2026-11-22_1500_performance': performance,
  '2026-11-22_1510_report_index': reportIndex,
  '2026-11-22_1600_report_speed': reportSpeed,
  '2026-11-22_1610_birth_index': birthIndex,
  '2026-11-22_1620_report_people': reportPeople,
  '2026-11-22_1700_reach_cells': reachCells,
  '2026-11-22_1710_search_prefix4': searchPrefix4,
  '2026-11-22_1900_search_detail_column': searchDetailColumn,
  '2026-11-22_1910_phones_covering': phonesCovering,
  '2026-11-23_0100_name_candidates': nameCandidates,
  '2026-11-23_0110_search_newest_first': searchNewestFirst,
  '2026-11-23_1700_search_merges': searchMerges,
  '2026-11-23_2230_search_leaf_size': searchLeafSize,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
