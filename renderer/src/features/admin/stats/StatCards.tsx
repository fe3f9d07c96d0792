// Headline numbers: a description list of cards, each a label, the number and an optional note.
import type { ReactNode } from 'react';

export interface StatCard {
  id: string;
  label: string;
  value: ReactNode;
  note?: ReactNode;
}

export function StatCards({ cards }: { cards: readonly StatCard[] }) {
  return (
    <dl className="stat-cards">
      {cards.map((card) => (
        <div key={card.id} className="stat-card" data-stat={card.id}>
          <dt>{card.label}</dt>
          <dd className="stat-value">{card.value}</dd>
          {card.note ? <dd className="stat-note">{card.note}</dd> : null}
        </div>
      ))}
    </dl>
  );
}
