// The benchmark's two sizes (issue 7): "unit" is also the CI profile's store (tests/integration/perf-guard).
export const SIZES = {
  unit: { patients: 50_000, sessionsPerPatient: 3 },
  network: { patients: 1_000_000, sessionsPerPatient: 3 },
} as const;
