import { describe, expect, it } from 'vitest';
import {
  guidedHubParams,
  isNetbooted,
  unreachableEvent,
} from '../../../../cli/unattended/netboot-station.js';

describe('netbooted station', () => {
  it('is netbooted when live-boot fetched its root filesystem over the network', () => {
    expect(
      isNetbooted('boot=live components fetch=http://10.0.0.1:8080/netboot/filesystem.squashfs quiet'),
    ).toBe(true);
    expect(isNetbooted('BOOT_IMAGE=/live/vmlinuz boot=live components quiet')).toBe(false);
    expect(isNetbooted('boot=live gomme.fetch=x')).toBe(false);
    expect(isNetbooted(null)).toBe(false);
  });

  it('guided entry: hub and enrolment code without a mode', () => {
    const line = 'boot=live fetch=http://h/x gomme.hub=http://10.0.0.1:8080/ gomme.enrol=ABCD-EFGH';
    expect(guidedHubParams(line)).toEqual({ url: 'http://10.0.0.1:8080', enrolCode: 'ABCD-EFGH' });
    expect(guidedHubParams(`${line} gomme.mode=erase`)).toBeNull();
    expect(guidedHubParams('gomme.hub=http://10.0.0.1:8080')).toBeNull();
    expect(guidedHubParams('gomme.hub=ftp://x gomme.enrol=ABCD-EFGH')).toBeNull();
    expect(guidedHubParams('gomme.hub=http://x gomme.enrol=AB')).toBeNull();
  });

  it('says in French first that the records stay in memory and when it retries', () => {
    const event = unreachableEvent('2026-12-07T06:00:00.000Z', 15_000, 3);
    expect(event).toMatchObject({ type: 'hub', phase: 'unreachable', retryInMs: 15_000, pending: 3 });
    expect(event.message.fr).toBe(
      'Hub injoignable : les enregistrements restent en mémoire sur ce PC. Ne l’éteignez pas. Nouvel essai dans 15 s.',
    );
    expect(event.message.en).toMatch(/^Hub unreachable/);
  });
});
