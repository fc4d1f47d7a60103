/** One PromQL query of a panel, and the legend of its series. */
interface PanelQuery {
  readonly expr: string;
  readonly legend: string;
}

/** The units Grafana formats values in. */
type PanelUnit = 'reqps' | 'percentunit' | 's' | 'short' | 'bytes';

/** A Grafana panel, in the dashboard JSON model's terms (schemaVersion 39). */
export interface GrafanaPanel {
  readonly id: number;
  readonly type: 'timeseries' | 'stat';
  readonly title: string;
  readonly description: string;
  readonly gridPos: {
    readonly x: number;
    readonly y: number;
    readonly w: number;
    readonly h: number;
  };
  readonly datasource: { readonly type: 'prometheus'; readonly uid: '${datasource}' };
  readonly targets: readonly {
    readonly refId: string;
    readonly expr: string;
    readonly legendFormat: string;
    readonly datasource: { readonly type: 'prometheus'; readonly uid: '${datasource}' };
  }[];
  readonly fieldConfig: {
    readonly defaults: Record<string, unknown>;
    readonly overrides: readonly unknown[];
  };
  readonly options: Record<string, unknown>;
}

/** What a panel shows; its place on the grid is given by {@link layOutPanels}. */
export interface PanelContent {
  readonly type?: 'timeseries' | 'stat';
  readonly title: string;
  readonly description: string;
  readonly unit: PanelUnit;
  readonly queries: readonly PanelQuery[];
  /** A red line (a time series) or colour step (a stat) at this value: the objective. */
  readonly threshold?: number;
  /** The threshold is a floor (a stat's budget left), not a ceiling. */
  readonly thresholdBelow?: boolean;
}

// biome-ignore lint/suspicious/noTemplateCurlyInString: Grafana's variable, not a template literal
const datasource = { type: 'prometheus', uid: '${datasource}' } as const;
const columns = 24;
const panelWidth = 12;
const panelHeight = 8;

function thresholds({ threshold, thresholdBelow }: PanelContent) {
  if (threshold === undefined)
    return { mode: 'absolute', steps: [{ color: 'green', value: null }] };
  const [under, over] = thresholdBelow ? ['red', 'green'] : ['green', 'red'];
  return {
    mode: 'absolute',
    steps: [
      { color: under, value: null },
      { color: over, value: threshold },
    ],
  };
}

/**
 * Panels two to a row, in the order given, each with its queries, unit and threshold line.
 * @example layOutPanels([{ title: 'Requests', description: '…', unit: 'reqps', queries }])[0].gridPos // { x: 0, y: 0, w: 12, h: 8 }
 */
export function layOutPanels(contents: readonly PanelContent[]): GrafanaPanel[] {
  return contents.map((content, index) => {
    const type = content.type ?? 'timeseries';
    const perRow = columns / panelWidth;
    return {
      id: index + 1,
      type,
      title: content.title,
      description: content.description,
      gridPos: {
        x: (index % perRow) * panelWidth,
        y: Math.floor(index / perRow) * panelHeight,
        w: panelWidth,
        h: panelHeight,
      },
      datasource,
      targets: content.queries.map((query, i) => ({
        refId: String.fromCharCode(65 + i),
        expr: query.expr,
        legendFormat: query.legend,
        datasource,
      })),
      fieldConfig: {
        defaults: {
          unit: content.unit,
          min: 0,
          thresholds: thresholds(content),
          ...(type === 'timeseries' && content.threshold !== undefined
            ? { custom: { thresholdsStyle: { mode: 'line' } } }
            : {}),
        },
        overrides: [],
      },
      options:
        type === 'stat'
          ? { reduceOptions: { calcs: ['lastNotNull'] }, colorMode: 'background' }
          : { legend: { displayMode: 'list', placement: 'bottom' }, tooltip: { mode: 'multi' } },
    };
  });
}
