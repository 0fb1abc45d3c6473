/**
 * Finding an indicator in a preset's catalogue (src/core/catalogs/lookup.ts): by code, and by name on the
 * titles the SISAB panel really uses, which are long, changed wording over the years and differ from the
 * short names of the catalogue.
 */
import {
  catalogForPreset,
  findInCatalog,
  matchCode,
  matchName,
  MIN_NAME_MARGIN,
  MIN_NAME_SCORE,
  nameStems,
  scoreName,
} from "../../src/core/catalogs/lookup";

const previne = catalogForPreset("previne")!;
const cofin = catalogForPreset("cofinanciamento")!;

/** The code of the entry a name matches, or undefined. */
const codeOfName = (text: string) => matchName(previne, text)?.entry.code;

describe("catalogForPreset", () => {
  it("gives Previne's seven indicators with target and weight, co-financing's weights, and nothing for contracts", () => {
    // docs/regras.md §8.3: metas 45, 60, 60, 40, 95, 50, 50 (%); pesos 1, 1, 2, 1, 2, 2, 1 (Σ = 10).
    expect(previne.entries.map((e) => [e.code, e.target, e.weight])).toEqual([
      ["1", 0.45, 1],
      ["2", 0.6, 1],
      ["3", 0.6, 2],
      ["4", 0.4, 1],
      ["5", 0.95, 2],
      ["6", 0.5, 2],
      ["7", 0.5, 1],
    ]);
    // Co-financing classifies results by bands: weights only (1, 2, 2, 1, 1, 1, 2), no target.
    expect(cofin.entries.map((e) => [e.code, e.target, e.weight])).toEqual([
      ["C1", undefined, 1],
      ["C2", undefined, 2],
      ["C3", undefined, 2],
      ["C4", undefined, 1],
      ["C5", undefined, 1],
      ["C6", undefined, 1],
      ["C7", undefined, 2],
    ]);
    expect(catalogForPreset("instrumento")).toBeUndefined();
    expect(catalogForPreset("decreto")).toBeUndefined();
  });
});

describe("nameStems", () => {
  it("drops accents, case, numbers, ordinals and small words, and cuts words to five letters", () => {
    // "Proporção" is a measure word (dropped); "6", "(seis)", "1ª", "20ª" are numbers; "de", "com", "pelo",
    // "menos", "a", "até", "sendo" are small words. The rest cut to 5 letters, without repeats
    // ("gestantes" and "gestação" are both "gesta").
    expect(
      nameStems(
        "Proporção de gestantes com pelo menos 6 (seis) consultas pré-natal realizadas, sendo a 1ª até a 20ª semana de gestação",
      ),
    ).toEqual(["gesta", "consu", "pre", "natal", "reali", "seman"]);
    // The same words, another way: one stem per family.
    expect(nameStems("HIPERTENSAS hipertensão Hipertensos")).toEqual(["hiper"]);
    // An abbreviation is read as the words it stands for.
    expect(nameStems("PA aferida")).toEqual(["press", "arter", "aferi"]);
  });
});

describe("matchName on the SISAB panel titles", () => {
  // The titles as the panel writes them after "Indicador:", 2020–2021 and 2022 wordings.
  const titles: [string, string][] = [
    [
      "Proporção de gestantes com pelo menos 6 (seis) consultas pré-natal realizadas, sendo a 1ª até a 20ª semana de gestação",
      "1",
    ],
    [
      "Proporção de gestantes com pelo menos 6 (seis) consultas pré-natal realizadas, sendo a 1ª (primeira) até a 12ª (décima segunda) semana de gestação",
      "1",
    ],
    ["Proporção de gestantes com realização de exames para sífilis e HIV", "2"],
    ["Proporção de gestantes com atendimento odontológico realizado", "3"],
    ["Cobertura de exame citopatológico", "4"],
    ["Proporção de mulheres com coleta de citopatológico na APS", "4"],
    [
      "Proporção de crianças de 1 (um) ano de idade vacinadas na APS contra Difteria, Tétano, Coqueluche, Hepatite B, infecções causadas por haemophilus influenzae tipo b e Poliomielite inativada",
      "5",
    ],
    ["Cobertura vacinal de Poliomielite inativada e de Pentavalente", "5"],
    ["Percentual de pessoas hipertensas com Pressão Arterial aferida em cada semestre", "6"],
    ["Proporção de pessoas com hipertensão, com consulta e pressão arterial aferida no semestre", "6"],
    ["Percentual de diabéticos com solicitação de hemoglobina glicada", "7"],
    ["Proporção de pessoas com diabetes, com consulta e hemoglobina glicada solicitada no semestre", "7"],
  ];
  it.each(titles)("%s → indicator %s", (title, code) => {
    expect(codeOfName(title)).toBe(code);
  });

  it("matches the same titles written otherwise: capitals, no accents, cut short, with a prefix or a (%)", () => {
    expect(
      codeOfName("PROPORCAO DE GESTANTES COM PELO MENOS 6 CONSULTAS PRE-NATAL REALIZADAS, SENDO A 1A ATE A 12A SEMANA"),
    ).toBe("1");
    expect(codeOfName("Proporção de gestantes com pelo menos 6 (seis) consultas pré-natal...")).toBe("1");
    expect(codeOfName("Indicador 2 - Gestantes com sorologia (exames) para sífilis e HIV (%)")).toBe("2");
    expect(codeOfName("Gestantes com atendimento odontológico")).toBe("3");
    expect(codeOfName("Coleta de citopatológico")).toBe("4");
    expect(codeOfName("Crianças vacinadas contra pólio (VIP) e pentavalente")).toBe("5");
    expect(codeOfName("Hipertensos com PA aferida no semestre")).toBe("6");
    expect(codeOfName("Diabéticos com HbA1c solicitada")).toBe("7");
    // The catalogue's own short names.
    for (const e of previne.entries) expect(codeOfName(e.name)).toBe(e.code);
  });

  it("scores the right indicator 1 and every other one well below (hand check of the margin)", () => {
    // The 2020–2021 hypertension title against the catalogue: all its stems (pesso, hiper, press, arter,
    // aferi, semes) are in indicator 6's alias, which has no other stem: 1. Indicator 7's 2022 name shares
    // pesso, semes (and no rarer stem): far below.
    const scores = scoreName(
      previne,
      "Percentual de pessoas hipertensas com Pressão Arterial aferida em cada semestre",
    );
    expect(scores[0]).toEqual({ entry: previne.entries[5], score: 1 });
    expect(scores[0].score - scores[1].score).toBeGreaterThanOrEqual(MIN_NAME_MARGIN);
  });

  it("takes no name that is ambiguous or about something else", () => {
    // "Gestantes" names indicators 1, 2 and 3 equally (score 1 each): no margin, no match.
    expect(scoreName(previne, "Gestantes").map((s) => s.score)).toEqual([1, 1, 1]);
    expect(codeOfName("Gestantes")).toBeUndefined();
    // "Exames" is in 2 (sífilis e HIV) and in 4's "exame citopatológico".
    expect(codeOfName("Exames")).toBeUndefined();
    // PMAQ indicators (of the Cajamar decree) that share a word with a Previne one but are not it: "hiper" is half the
    // weight of "Proporção de hipertensos cadastrados" (cadastrados is unknown, weighted like the rarest):
    // 0.5 < 0.6.
    expect(scoreName(previne, "Proporção de hipertensos cadastrados")[0].score).toBeCloseTo(0.5, 12);
    expect(MIN_NAME_SCORE).toBe(0.6);
    expect(codeOfName("Proporção de hipertensos cadastrados")).toBeUndefined();
    expect(codeOfName("Proporção de diabéticos cadastrados")).toBeUndefined();
    expect(codeOfName("Média de consultas médicas por habitante")).toBeUndefined();
    expect(codeOfName("Proporção de gestantes cadastradas pela equipe de atenção básica")).toBeUndefined();
    expect(codeOfName("Média de atendimentos por diabético")).toBeUndefined();
    expect(codeOfName("Visitas domiciliares")).toBeUndefined();
    expect(codeOfName("")).toBeUndefined();
    expect(codeOfName("2022 Q1 (%)")).toBeUndefined();
  });
});

describe("co-financing names", () => {
  it("finds C1–C7 by the names of Nota Técnica nº 8/2026-DEAPS and by the older names", () => {
    const code = (text: string) => matchName(cofin, text)?.entry.code;
    // The note's names, as its Quadro 2 writes them.
    expect(
      [
        "Mais acesso à APS",
        "Cuidado no desenvolvimento infantil",
        "Cuidado na gestação e puerpério",
        "Cuidado da pessoa com diabetes",
        "Cuidado da pessoa com hipertensão",
        "Cuidado da pessoa idosa",
        "Cuidado da mulher na prevenção do câncer",
      ].map(code),
    ).toEqual(["C1", "C2", "C3", "C4", "C5", "C6", "C7"]);
    // Older names still name the same indicators: C3 "gestante e puérpera", C1 with APS written out.
    expect(code("Cuidado da gestante e puérpera")).toBe("C3");
    expect(code("Mais acesso à Atenção Primária à Saúde")).toBe("C1");
    // "Cuidado da pessoa" alone names three indicators (C4, C5, C6), so none.
    expect(code("Cuidado da pessoa")).toBeUndefined();
  });
});

describe("matchCode", () => {
  it("reads 1–7 as people write them, and C1–C7 for the co-financing", () => {
    for (const code of ["6", " 6 ", "6.", "Indicador 6", "#6", "Ind. 6", "6)"])
      expect(matchCode(previne, code)?.entry.code).toBe("6");
    expect(matchCode(previne, "8")).toBeUndefined();
    expect(matchCode(previne, "1.4")).toBeUndefined();
    expect(matchCode(previne, "C6")).toBeUndefined();
    expect(matchCode(cofin, "c7")?.entry).toMatchObject({ code: "C7", weight: 2 });
    expect(matchCode(cofin, "C 2")?.entry.code).toBe("C2");
  });
});

describe("findInCatalog", () => {
  it("prefers a name that matches, falls back on the code, and gives nothing when neither matches", () => {
    // Codes in users' tables are often row numbers: the name decides when it matches.
    expect(
      findInCatalog(previne, {
        code: "1",
        indicator: "Percentual de diabéticos com solicitação de hemoglobina glicada",
      }),
    ).toMatchObject({
      entry: { code: "7" },
      by: "name",
    });
    // A name the catalogue does not know: the code.
    expect(findInCatalog(previne, { code: "3", indicator: "Saúde bucal" })).toMatchObject({
      entry: { code: "3" },
      by: "code",
      score: 1,
    });
    expect(findInCatalog(previne, { indicator: "Saúde bucal" })).toBeUndefined();
    expect(findInCatalog(previne, { code: "9", indicator: "Outro indicador" })).toBeUndefined();
  });
});
