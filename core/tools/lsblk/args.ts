export const LSBLK_COLUMNS =
  'NAME,KNAME,PATH,MAJ:MIN,TYPE,SIZE,TRAN,SUBSYSTEMS,ROTA,RM,RO,HOTPLUG,MODEL,SERIAL,WWN,VENDOR,REV,LOG-SEC,PHY-SEC,FSTYPE,LABEL,UUID,PARTUUID,MOUNTPOINTS';

/** Sizes in bytes, as a JSON tree (children = partitions and holders such as LVM, md, dm-crypt). */
export const lsblkArgs = (): string[] => ['-J', '-b', '-o', LSBLK_COLUMNS];
