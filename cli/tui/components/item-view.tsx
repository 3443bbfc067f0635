import { Box } from 'ink';
import { fieldValue } from '../state/keys.js';
import type { GuideState, Item } from '../state/types.js';
import { buttonLabel, consoleSafe, W } from '../wording.js';
import { ButtonLine, FieldLine, ToggleLine } from './items.js';

const FIELD_LABELS = {
  operator: W.operator,
  donor: W.donor,
  lot: W.lot,
  assetTag: W.assetTag,
  code: W.code,
} as const;

/** Renders one focusable item (drives have their own row, see the drives screen). */
export function ItemView({ state, item, focused }: { state: GuideState; item: Item; focused: boolean }) {
  const { lang } = state;
  switch (item.kind) {
    case 'field':
      return (
        <FieldLine label={FIELD_LABELS[item.id][lang]} value={fieldValue(state, item.id)} focused={focused} />
      );
    case 'toggle':
      return (
        <ToggleLine label={W.publicDonor[lang]} on={state.intake.publicDonor} focused={focused} lang={lang} />
      );
    case 'button':
      return <ButtonLine label={buttonLabel(item.id)[lang]} focused={focused} />;
    case 'choice': {
      const question = state.diag.questions[state.diag.questionIndex];
      const choice = question?.choices.find((c) => c.id === item.id);
      return <ButtonLine label={consoleSafe(choice?.label[lang] ?? item.id)} focused={focused} />;
    }
    case 'drive':
      return null;
  }
}

/** The screen's items of the given kinds, in order, with the focus marker. */
export function ItemList({
  state,
  items,
  kinds,
}: {
  state: GuideState;
  items: Item[];
  kinds: Item['kind'][];
}) {
  return (
    <Box flexDirection="column">
      {items.map((item, index) =>
        kinds.includes(item.kind) ? (
          <ItemView
            key={`${item.kind}:${item.id}`}
            state={state}
            item={item}
            focused={index === state.focus}
          />
        ) : null,
      )}
    </Box>
  );
}
