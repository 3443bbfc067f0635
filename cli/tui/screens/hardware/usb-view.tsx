import { Box, Text } from 'ink';
import type { Lang } from '../../../../core/i18n.js';
import type { UsbPortsState } from '../../../../diagnostics/interactive/usb/usb-ports.js';
import { consoleSafe } from '../../wording.js';
import { HW, labelled, pluggedOn } from './wording.js';

/** The live count, the ports seen, and what to do now (move the stick on, or plug it in). */
export function UsbPortsView({ state, lang }: { state: UsbPortsState; lang: Lang }) {
  return (
    <Box flexDirection="column">
      <Text bold>{labelled(HW.portsAnswered, String(state.ports.length))[lang]}</Text>
      {state.ports.slice(-8).map((p) => (
        <Text key={p.port}>{`  ${p.port.padEnd(6)} ${consoleSafe(p.model ?? '').slice(0, 60)}`}</Text>
      ))}
      <Text> </Text>
      {state.current ? (
        <Text color="green">{pluggedOn(state.current)[lang]}</Text>
      ) : (
        <Text>{HW.waitingStick[lang]}</Text>
      )}
      <Text color="gray">{HW.usbDone[lang]}</Text>
    </Box>
  );
}
