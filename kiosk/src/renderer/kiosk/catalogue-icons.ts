// One icon per service category (lucide), shown on the category tiles and on each item tile of that category.
import { Baby, Briefcase, Building2, FileText, Flag, HeartHandshake, House, LayoutGrid, Lightbulb, Scale, type LucideIcon } from 'lucide-react';

const ICONS: Record<string, LucideIcon> = {
  'family-planning': Baby,
  'labour-security': Briefcase,
  'civil-affairs': HeartHandshake,
  'housing-rental': House,
  'legal-aid': Scale,
  'urban-management': Building2,
  'party-relations': Flag,
  'economy-technology': Lightbulb,
};

export const AllIcon = LayoutGrid;

export function categoryIcon(code: string): LucideIcon {
  return ICONS[code] ?? FileText;
}
