import { type Text, text } from '../../core/i18n.js';

/**
 * The netboot menu: which entries a PC that boots from the hub is offered, and the kernel command line of each.
 * Pure. Safety rules (a PC that netboots by accident must erase nothing):
 * - the default entry is the guided UI unless the hub's operator explicitly made the unattended erase the
 *   default AND typed the same confirmation token gomme.confirm needs (`yes-erase-all`);
 * - the unattended entry always carries gomme.targets and gomme.confirm, exactly as from a stick.
 */

export type EntryId = 'guided' | 'guided-en' | 'erase' | 'diag' | 'memtest';
export const DEFAULT_CHOICES = ['guided', 'erase'] as const;
export type DefaultChoice = (typeof DEFAULT_CHOICES)[number];
export const CONFIRM_ALL = 'yes-erase-all';

export interface MenuEntry {
  id: EntryId;
  label: Text;
  /** Kernel command line after the kernel (empty for memtest, which is its own program). */
  args: string[];
}

export interface MenuInputs {
  /** The ISO's own live entry (`boot=live components quiet …`), without initrd=. */
  isoAppend: string[];
  /** http://ADDRESS:PORT, how the booted PCs reach the hub (fetch= and gomme.hub=). */
  hubUrl: string;
  /** Path under hubUrl where the root filesystem is served. */
  squashfsPath: string;
  /** The enrolment code the PCs of this boot session use (visible to anyone on the LAN: see NETBOOT.md). */
  enrolCode: string | null;
  defaultEntry: DefaultChoice;
  /** True when a memory test program was found in the ISO. */
  memtest: boolean;
}

export function menuEntries(inputs: MenuInputs): MenuEntry[] {
  const live = [
    ...inputs.isoAppend.filter((a) => !/^(initrd|fetch|gomme\.[a-z]+)=/.test(a)),
    `fetch=${inputs.hubUrl}${inputs.squashfsPath}`,
    `gomme.hub=${inputs.hubUrl}`,
    ...(inputs.enrolCode ? [`gomme.enrol=${inputs.enrolCode}`] : []),
  ];
  const entries: MenuEntry[] = [
    {
      id: 'guided',
      label: text('gomme : écrans guidés (par défaut)', 'gomme: guided screens (default)'),
      args: live,
    },
    {
      id: 'guided-en',
      label: text(
        'gomme : guided screens, English, US keyboard',
        'gomme: guided screens, English, US keyboard',
      ),
      args: [...live, 'locales=en_US.UTF-8', 'keyboard-layouts=us'],
    },
    {
      id: 'erase',
      label: text(
        'gomme : EFFACER sans surveillance tous les disques non protégés, puis éteindre',
        'gomme: unattended ERASE of every unprotected drive, then power off',
      ),
      args: [
        ...live,
        'gomme.mode=erase',
        'gomme.targets=all-unprotected',
        `gomme.confirm=${CONFIRM_ALL}`,
        'gomme.poweroff=1',
      ],
    },
    {
      id: 'diag',
      label: text(
        'gomme : diagnostic seulement (rien n’est effacé)',
        'gomme: diagnostics only (nothing is erased)',
      ),
      args: [...live, 'gomme.mode=diag'],
    },
  ];
  if (inputs.memtest)
    entries.push({
      id: 'memtest',
      label: text('Test de la mémoire (memtest86+)', 'Memory test (memtest86+)'),
      args: [],
    });
  return entries;
}

/** The `append` line of the ISO's default isolinux entry (live.cfg), split into words; null when absent. */
export function isoLiveAppend(liveCfg: string): string[] | null {
  let inDefault = false;
  let first: string[] | null = null;
  for (const raw of liveCfg.split('\n')) {
    const line = raw.trim();
    if (/^label\s/i.test(line)) inDefault = false;
    if (/^menu\s+default$/i.test(line)) inDefault = true;
    const append = /^append\s+(.*)$/i.exec(line);
    if (append?.[1]) {
      const words = append[1].split(/\s+/).filter((w) => !w.startsWith('initrd='));
      if (inDefault) return words;
      first ??= words;
    }
  }
  return first;
}
