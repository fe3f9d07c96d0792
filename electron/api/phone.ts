// Phone numbers as reception types them, normalised to E.164 (+573001234567, +584141234567).

/**
 * Colombian mobiles (3xx xxx xxxx) and landlines (60x xxx xxxx), Venezuelan numbers with the
 * trunk 0 (0414 123 4567) or the country code (+58 414 1234567), and any international number
 * written with "+". Answers null for anything else.
 */
export function normalisePhone(raw: string): string | null {
  const trimmed = raw.trim();
  const plus = trimmed.startsWith('+') || trimmed.startsWith('00');
  const digits = trimmed.replace(/\D/g, '').replace(/^00/, '');
  if (!/^\d+$/.test(digits) || /[^\d\s().+-]/.test(trimmed)) return null;
  if (plus) {
    if (digits.startsWith('57')) return /^57(3\d{9}|60\d{8})$/.test(digits) ? `+${digits}` : null;
    if (digits.startsWith('58')) return /^58[24]\d{9}$/.test(digits) ? `+${digits}` : null;
    return digits.length >= 8 && digits.length <= 15 ? `+${digits}` : null;
  }
  if (/^(3\d{9}|60\d{8})$/.test(digits)) return `+57${digits}`;
  if (/^57(3\d{9}|60\d{8})$/.test(digits)) return `+${digits}`;
  if (/^0[24]\d{9}$/.test(digits)) return `+58${digits.slice(1)}`;
  if (/^58[24]\d{9}$/.test(digits)) return `+${digits}`;
  return null;
}

/** The digits a person is found by: the national number without trunk or country code. */
export function phoneSearchKey(raw: string): string | null {
  const phone = normalisePhone(raw);
  if (phone) return phone.startsWith('+57') || phone.startsWith('+58') ? phone.slice(3) : phone.slice(1);
  const digits = raw.replace(/\D/g, '');
  return digits.length >= 7 ? digits.replace(/^0/, '') : null;
}
