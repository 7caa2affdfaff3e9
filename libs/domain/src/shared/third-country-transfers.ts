/** EU member states plus Iceland, Liechtenstein and Norway: sending data or processing there involves no Chapter V transfer. */
export const EEA_COUNTRIES: ReadonlySet<string> = new Set(
  'AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE IS LI NO'.split(' '),
);

/** What makes a transfer to a third country lawful (Chapter V: Arts. 45, 46, 47, 49). */
export const TRANSFER_MECHANISMS = [
  'ADEQUACY_DECISION',
  'STANDARD_CONTRACTUAL_CLAUSES',
  'BINDING_CORPORATE_RULES',
  'CODE_OF_CONDUCT',
  'CERTIFICATION',
  'AD_HOC_CONTRACTUAL_CLAUSES',
  'DEROGATION',
] as const;
export type TransferMechanism = (typeof TRANSFER_MECHANISMS)[number];
