import {
  catalogs,
  COFINANCIAMENTO_INDICATORS,
  getCatalog,
  INSTRUMENT_INDICATORS,
  PMAQ_AREAS,
  PMAQ_INDICATORS,
  PREVINE_INDICATORS,
} from "../../src/core/catalogs";
import { parseTarget } from "../../src/core/parse";

describe("PMAQ catalogue (annex of the Cajamar decree, 2011)", () => {
  /*
   * Counted by hand from the annex of Decreto nº 4.515/2011:
   *   1 Saúde da Mulher ............................ 1.1–1.6 desempenho (6) + 1.7 monitoramento (1)    = 7
   *   2 Saúde da Criança ........................... 2.1–2.6 desempenho (6) + 2.7–2.9 monitoramento (3) = 9
   *   3 Controle de Diabetes Mellitus e HAS ........ 3.1–3.4 desempenho (4) + 3.5–3.6 monitoramento (2) = 6
   *   4 Saúde Bucal ................................ 4.1–4.4 desempenho (4) + 4.5–4.7 monitoramento (3) = 7
   *   5 Produção Geral ............................. 5.1–5.4 desempenho (4) + 5.5–5.12 monitoramento (8) = 12
   *   6 Tuberculose e Hanseníase ................... 0 desempenho + 6.1–6.2 monitoramento (2)          = 2
   *   7 Saúde Mental ............................... 0 desempenho + 7.1–7.4 monitoramento (4)          = 4
   * Total 47 = 24 desempenho + 23 monitoramento.
   */
  const expected: Record<string, { desempenho: number; monitoramento: number }> = {
    "Saúde da Mulher": { desempenho: 6, monitoramento: 1 },
    "Saúde da Criança": { desempenho: 6, monitoramento: 3 },
    "Controle de Diabetes Mellitus e Hipertensão Arterial Sistêmica": { desempenho: 4, monitoramento: 2 },
    "Saúde Bucal": { desempenho: 4, monitoramento: 3 },
    "Produção Geral": { desempenho: 4, monitoramento: 8 },
    "Tuberculose e Hanseníase": { desempenho: 0, monitoramento: 2 },
    "Saúde Mental": { desempenho: 0, monitoramento: 4 },
  };

  it("has 47 indicators, 24 of desempenho and 23 of monitoramento", () => {
    expect(PMAQ_INDICATORS).toHaveLength(47);
    expect(PMAQ_INDICATORS.filter((i) => i.kind === "desempenho")).toHaveLength(24);
    expect(PMAQ_INDICATORS.filter((i) => i.kind === "monitoramento")).toHaveLength(23);
  });

  it("has the seven areas in order, with the hand-counted indicators per area and kind", () => {
    expect([...PMAQ_AREAS]).toEqual(Object.keys(expected));
    for (const area of PMAQ_AREAS) {
      const rows = PMAQ_INDICATORS.filter((i) => i.area === area);
      expect({
        area,
        desempenho: rows.filter((i) => i.kind === "desempenho").length,
        monitoramento: rows.filter((i) => i.kind === "monitoramento").length,
      }).toEqual({ area, ...expected[area] });
    }
  });

  it("has unique codes in order: area n, positions 1, 2, … with desempenho before monitoramento", () => {
    const codes = PMAQ_INDICATORS.map((i) => i.code);
    expect(new Set(codes).size).toBe(47);
    PMAQ_AREAS.forEach((area, a) => {
      const rows = PMAQ_INDICATORS.filter((i) => i.area === area);
      expect(rows.map((i) => i.code)).toEqual(rows.map((_, k) => `${a + 1}.${k + 1}`));
      const kinds = rows.map((i) => i.kind);
      expect(kinds).toEqual([...kinds].sort()); // "desempenho" < "monitoramento"
    });
    // The areas follow one another: the list is the concatenation of the areas in order.
    expect(PMAQ_INDICATORS.map((i) => i.area)).toEqual(
      PMAQ_AREAS.flatMap((area) => PMAQ_INDICATORS.filter((i) => i.area === area).map(() => area)),
    );
  });

  it("has a non-empty, trimmed name without line breaks or double spaces for every indicator", () => {
    for (const i of PMAQ_INDICATORS) {
      expect(i.name.length).toBeGreaterThan(0);
      expect(i.name).toBe(i.name.trim());
      expect(i.name).not.toMatch(/\n| {2}/);
    }
  });

  it("copies names as the decree's annex writes them (spot checks)", () => {
    const byCode = new Map(PMAQ_INDICATORS.map((i) => [i.code, i]));
    expect(byCode.get("1.1")?.name).toBe("Proporção de gestantes cadastradas pela equipe de atenção básica");
    expect(byCode.get("1.6")?.name).toBe(
      "Razão entre exames citopatológicos do colo útero na faixa etária de 15 anos ou mais",
    );
    expect(byCode.get("2.9")?.name).toBe(
      "Cobertura de crianças menores de 5 anos de idade no sistema de vigilância alimentar e nutricional (SISVAN)",
    );
    expect(byCode.get("5.2")?.name).toBe("Proporção de consultas médicas para cuidado continuado/ programado");
    expect(byCode.get("5.12")?.name).toBe(
      "Proporção de acompanhamento das condicionalidades de saúde pelas famílias beneficiárias do programa bolsa família",
    );
    expect(byCode.get("7.4")).toEqual({
      code: "7.4",
      name: "Taxa de prevalência de alcoolismo",
      area: "Saúde Mental",
      kind: "monitoramento",
    });
  });
});

describe("evaluation instrument catalogue", () => {
  const byCode = (code: string) => {
    const found = INSTRUMENT_INDICATORS.find((i) => i.code === code);
    if (!found) throw new Error(`no ${code}`);
    return found;
  };
  const byDescription = (d: string) => INSTRUMENT_INDICATORS.find((i) => i.description === d);
  const CODES = [
    "I01",
    "I02",
    "I03",
    "I04",
    "I05",
    "I06",
    "I07",
    "I08a",
    "I08b",
    "I09a",
    "I09b",
    "I10",
    "I11",
    "I12",
    "I13",
    "I14",
  ];

  it("has the 14 rows of the source, the two with two targets each split in two: 16 rows, every text field filled", () => {
    // Rows in the source: Pontualidade, Conformidade, Satisfação (reclamações), Prontuários, Encaminhamentos,
    // UPAS, Educação Permanente, Gestantes (2 targets), Sífilis (2 targets), Puericultura, Doenças crônicas,
    // Visitas domiciliares, Atividades coletivas, Consulta médica: 14 + 2 = 16.
    expect(INSTRUMENT_INDICATORS.map((i) => i.code)).toEqual(CODES);
    for (const i of INSTRUMENT_INDICATORS) {
      for (const text of [
        i.description,
        i.content,
        i.periodicity,
        i.target,
        i.sourceTarget,
        i.source,
        i.evidence,
        i.verifiedBy,
      ]) {
        expect(text.length).toBeGreaterThan(0);
        expect(text).toBe(text.trim());
        expect(text).not.toMatch(/\n| {2}/);
      }
    }
    // 14 distinct source rows: the halves of a split row share everything but code, part and target.
    expect(new Set(INSTRUMENT_INDICATORS.map((i) => i.sourceTarget)).size).toBe(14);
    for (const [a, b] of [
      ["I08a", "I08b"],
      ["I09a", "I09b"],
    ]) {
      const [x, y] = [byCode(a), byCode(b)];
      const shared = (i: typeof x) => [
        i.type,
        i.description,
        i.content,
        i.periodicity,
        i.timesPerYear,
        i.sourceTarget,
        i.source,
        i.evidence,
        i.verifiedBy,
      ];
      expect(shared(x)).toEqual(shared(y));
      expect(x.part).not.toBe(y.part);
      expect(x.target).not.toBe(y.target);
    }
    expect(INSTRUMENT_INDICATORS.filter((i) => i.part).map((i) => [i.code, i.part])).toEqual([
      ["I08a", "Pré-natal"],
      ["I08b", "Puerpério"],
      ["I09a", "Tratamento da sífilis gestacional"],
      ["I09b", "Sífilis congênita"],
    ]);
  });

  it("ends with Visitas domiciliares, Atividades coletivas and Consulta médica", () => {
    expect(INSTRUMENT_INDICATORS.slice(-3).map((i) => i.description)).toEqual([
      "Visitas domiciliares",
      "Atividades coletivas",
      "Consulta médica",
    ]);
  });

  it("has the types of the source; the empty type cell of Atividades coletivas stays empty", () => {
    expect(INSTRUMENT_INDICATORS.map((i) => i.type)).toEqual([
      "Informação",
      "Informação",
      "Satisfação do usuário e da equipe",
      "Informação",
      "Informação",
      "Informação",
      "Processo",
      "Informação",
      "Informação",
      "Processo",
      "Processo",
      "Processo",
      "Processo",
      "Processo",
      undefined,
      "Processo",
    ]);
    expect("type" in byCode("I13")).toBe(false);
  });

  it("has the periodicities as written, and how many times a year each means", () => {
    expect(INSTRUMENT_INDICATORS.map((i) => i.periodicity)).toEqual([
      "Mensal",
      "Mensal",
      "4 vezes ao ano",
      "4 vezes ao ano",
      "Mensal",
      "Mensal",
      "2 vezes ao ano",
      "3 vezes ao ano",
      "3 vezes ao ano",
      "3 vezes no ano",
      "3 vezes no ano",
      "3 Vezes no ano",
      "03 vezes ao ano",
      "Mensal",
      "Mensal",
      "Mensal",
    ]);
    for (const i of INSTRUMENT_INDICATORS) {
      const n = /^0?(\d+) vezes/i.exec(i.periodicity);
      expect(i.timesPerYear).toBe(i.periodicity === "Mensal" ? 12 : Number(n?.[1]));
    }
  });

  it("keeps the source's Meta texts exactly as written (spot checks)", () => {
    expect(byCode("I01").sourceTarget).toBe("100% de pontualidade para 100% dos relatórios");
    expect(byCode("I04").sourceTarget).toBe("90% ou mais das fichas avaliadas atendendo todos os requisitos");
    expect(byCode("I05").sourceTarget).toBe(
      "90% ou mais dos encaminhamentos conforme protocolos estabelecidos pela SMS e preenchimento adequado",
    );
    expect(byCode("I06").sourceTarget).toBe(
      "Diminuir gradual dos atendimentos passiveis de atuação das unidades de saúde",
    );
    expect(byCode("I07").sourceTarget).toBe("100% de realização das atividades previstas");
    expect(byCode("I08a").sourceTarget).toBe(
      "75%* de gestantes com 6 consultas de pré natal ou mais e 100% da consulta de puerpério. *O percentual pode variar de acordo com a Lei PREVINE Brasil.",
    );
    expect(byCode("I09b").sourceTarget).toBe(
      "Tratamento de 100% das gestantes com diagnóstico de sífilis gestacional. 0% de casos de sífilis congênita.",
    );
    expect(byCode("I10").sourceTarget).toBe("Cobertura de 75% das crianças do território.");
    expect(byCode("I11").sourceTarget).toBe(
      "Cobertura de 80% das pessoas portadoras de doenças crônicas do território.",
    );
    expect(byCode("I12").sourceTarget).toBe("Cumprir 100% das visitas previstas para o mês.");
  });

  it("writes the source's Meta text as the target wherever the parser reads it as the source means it", () => {
    const kept = INSTRUMENT_INDICATORS.filter((i) => i.target === i.sourceTarget).map((i) => i.code);
    expect(kept).toEqual(["I01", "I02", "I03", "I04", "I05", "I06", "I07", "I10", "I11"]);
  });

  it("rewrites the rest, and says why: a count in Conteúdo, or two targets in one cell", () => {
    // "Cumprir 100%" reads as a percentage, while Conteúdo gives the minimum counted each month.
    for (const [code, minimum] of [
      ["I12", 10],
      ["I13", 2],
      ["I14", 300],
    ] as const) {
      const row = byCode(code);
      expect(parseTarget(row.sourceTarget)).toMatchObject({ kind: "target", target: { value: 1, unit: "percent" } });
      expect(row.content).toMatch(new RegExp(`[Mm]ínimo (de )?0?${minimum} `));
    }
    // Two targets in one cell: the parser reports them instead of reading the first.
    for (const code of ["I08a", "I09a"])
      expect(parseTarget(byCode(code).sourceTarget)).toMatchObject({
        kind: "invalid",
        problem: { code: "unreadableTarget" },
      });
  });

  it("has targets that the parser reads as the source means them (each worked out from the source row)", () => {
    const read = (code: string) => parseTarget(byCode(code).target);
    const expected: Record<string, { direction: string; value: number; unit: string }> = {
      I01: { direction: "atLeast", value: 1, unit: "percent" }, // 100% punctual
      I02: { direction: "atLeast", value: 1, unit: "percent" }, // 100% of the criteria
      I03: { direction: "atLeast", value: 1, unit: "percent" }, // "todas as reclamações"
      I04: { direction: "atLeast", value: 0.9, unit: "percent" }, // 90% ou mais
      I05: { direction: "atLeast", value: 0.9, unit: "percent" },
      I07: { direction: "atLeast", value: 1, unit: "percent" },
      I08a: { direction: "atLeast", value: 0.75, unit: "percent" }, // 75% with 6+ prenatal consultations
      I08b: { direction: "atLeast", value: 1, unit: "percent" }, // 100% with the puerperium consultation
      I09a: { direction: "atLeast", value: 1, unit: "percent" }, // 100% treated
      I09b: { direction: "atMost", value: 0, unit: "percent" }, // zero congenital syphilis: at most 0
      I10: { direction: "atLeast", value: 0.75, unit: "percent" },
      I11: { direction: "atLeast", value: 0.8, unit: "percent" },
      I12: { direction: "atLeast", value: 10, unit: "count" }, // Conteúdo: mínimo de 10 visitas ao mês
      I13: { direction: "atLeast", value: 2, unit: "count" }, // Conteúdo: mínimo 02 atividades mensais
      I14: { direction: "atLeast", value: 300, unit: "count" }, // Conteúdo: no mínimo 300 consultas mensais
    };
    for (const [code, target] of Object.entries(expected))
      expect({ code, ...read(code) }).toMatchObject({ code, kind: "target", target });
    // "Diminuir gradual…" has no number: a reduction from a baseline the instrument does not give. Not guessed.
    expect(read("I06")).toMatchObject({ kind: "needsBaseline", direction: "atMost" });
    expect(Object.keys(expected).length + 1).toBe(INSTRUMENT_INDICATORS.length);
  });

  it("puts the text that runs over a page break back in its row and column", () => {
    expect(byDescription("Atividades coletivas")?.sourceTarget).toBe(
      "Cumprir 100% das atividades coletivas previstas para o mês, atividades educativas para grupos na comunidade, escolas ou na unidade de saúde (hiperdia, gestantes, idosos, PSE, tabagismo).",
    );
    const satisfaction = byCode("I03");
    expect(satisfaction.description).toMatch(/dos usuários e da equipe e providências adotadas$/);
    expect(satisfaction.content).toMatch(/por meio de pesquisa eletrônica, ouvidorias e as providências adotadas\.$/);
    const upas = byCode("I06");
    expect(upas.description).toMatch(/com profissionais da CONTRATADA, no horário de funcionamento das unidades$/);
    expect(upas.content).toMatch(/Critério que deve ser avaliado como reflexo do bom funcionamento da Gestão Clínica$/);
  });

  it("keeps the other columns of a full row (Consulta médica)", () => {
    expect(byDescription("Consulta médica")).toEqual({
      code: "I14",
      type: "Processo",
      description: "Consulta médica",
      content: "O total de no mínimo 300 consultas mensais. CONFORME LEI 7247 DE 01/06/2012",
      periodicity: "Mensal",
      timesPerYear: 12,
      target: "Mínimo de 300 consultas médicas ao mês",
      sourceTarget:
        "Cumprir 100% de consultas médicas de forma presencial, oriundas do acolhimento de demandas espontânea e programadas.",
      source: "Prontuários das unidades de saúde e fichas de atendimento (G-Mus/esus)",
      evidence: "Relatório das atividades realizadas no período.",
      verifiedBy: "Fiscal do contrato e coordenador da AB.",
    });
  });
});

describe("Previne Brasil catalogue (docs/regras.md §8.3)", () => {
  it("has the seven 2022 indicators with the targets and weights of the domain table", () => {
    expect(PREVINE_INDICATORS.map((i) => [i.code, i.target, i.weight])).toEqual([
      ["1", 0.45, 1],
      ["2", 0.6, 1],
      ["3", 0.6, 2],
      ["4", 0.4, 1],
      ["5", 0.95, 2],
      ["6", 0.5, 2],
      ["7", 0.5, 1],
    ]);
    expect(PREVINE_INDICATORS.every((i) => i.name.length > 0)).toBe(true);
  });

  it("has weights adding to 10", () => {
    expect(PREVINE_INDICATORS.reduce((s, i) => s + i.weight, 0)).toBe(10);
  });
});

describe("co-financing catalogue (Portaria GM/MS 3.493/2024)", () => {
  it("has C1…C7 with weights 1, 2, 2, 1, 1, 1, 2 adding to 10", () => {
    expect(COFINANCIAMENTO_INDICATORS.map((i) => i.code)).toEqual(["C1", "C2", "C3", "C4", "C5", "C6", "C7"]);
    expect(COFINANCIAMENTO_INDICATORS.map((i) => i.weight)).toEqual([1, 2, 2, 1, 1, 1, 2]);
    expect(COFINANCIAMENTO_INDICATORS.reduce((s, i) => s + i.weight, 0)).toBe(10);
  });

  it("has C1 as a target range and C2–C7 higher is better", () => {
    expect(COFINANCIAMENTO_INDICATORS.map((i) => i.direction)).toEqual(["range", ...Array(6).fill("atLeast")]);
  });

  it("has the names and the order of Nota Técnica nº 8/2026-DEAPS (Quadro 2)", () => {
    expect(COFINANCIAMENTO_INDICATORS.map((i) => `${i.code} ${i.name}`)).toEqual([
      "C1 Mais acesso à APS",
      "C2 Cuidado no desenvolvimento infantil",
      "C3 Cuidado na gestação e puerpério",
      "C4 Cuidado da pessoa com diabetes",
      "C5 Cuidado da pessoa com hipertensão",
      "C6 Cuidado da pessoa idosa",
      "C7 Cuidado da mulher na prevenção do câncer",
    ]);
  });
});

describe("catalogs list", () => {
  it("offers the four catalogues once each, with pt-BR name, description, source and rows", () => {
    expect(catalogs.map((c) => c.id).sort()).toEqual(["cofinanciamento", "instrumento", "pmaq", "previne"]);
    for (const c of catalogs) {
      expect(c.name.length).toBeGreaterThan(0);
      expect(c.description).toMatch(/\.$/);
      expect(c.source.length).toBeGreaterThan(0);
      expect(c.rows.length).toBeGreaterThan(0);
    }
  });

  it("finds a catalogue by id, with the rows of its module", () => {
    expect(getCatalog("pmaq").rows).toBe(PMAQ_INDICATORS);
    expect(getCatalog("pmaq").source).toBe("Decreto nº 4.515/2011, Cajamar-SP — anexo");
    expect(getCatalog("instrumento").rows).toBe(INSTRUMENT_INDICATORS);
    expect(getCatalog("previne").rows).toBe(PREVINE_INDICATORS);
    expect(getCatalog("cofinanciamento").rows).toBe(COFINANCIAMENTO_INDICATORS);
  });
});
