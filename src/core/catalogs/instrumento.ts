/**
 * The indicators of the quantitative and qualitative evaluation instrument of a management contract
 * (the evaluation instrument, "Instrumento de avaliação Quantitativa e Qualitativa"). The source is a PDF table whose text
 * came out column by column; each row here was put back together by hand. Texts are kept as the source
 * writes them (including its spelling, e.g. "providencias", "passiveis", "contrata."); only PDF line
 * breaks and missing spaces were fixed ("pré-\nnatal" → "pré-natal", "informaçãoda" → "informação da",
 * "mês.CONFORME" → "mês. CONFORME", "03vezes" → "03 vezes").
 *
 * The source's "Meta" text is kept as written (`sourceTarget`). A starter table also needs a target the
 * product reads as the instrument means it (`target`), and for five source rows the two differ: "Cumprir
 * 100% das visitas previstas para o mês" means the minimum of 10 a month that the row's Conteúdo gives,
 * and the Resultado typed against it is a count (so also "Atividades coletivas" and "Consulta médica");
 * and the Meta cells of the rows on pregnant women (I08) and on syphilis (I09) each carry two targets, so
 * each of those rows is two here (I08a/I08b, I09a/I09b), one target each.
 */

/** The "Tipo de indicador" column of the instrument. */
export type InstrumentType = "Informação" | "Processo" | "Satisfação do usuário e da equipe" | "Resultado";

/** One row of the evaluation instrument (a source row carrying two targets is two of these). */
export interface InstrumentIndicator {
  /**
   * A code given here (the source numbers nothing): "I01", "I02", … in the source's order; the two targets
   * of one source row are "I08a" and "I08b".
   */
  code: string;
  /** "Tipo de indicador". Absent where the source leaves the cell empty (row "Atividades coletivas"). */
  type?: InstrumentType;
  /** "Descrição": what is evaluated. */
  description: string;
  /**
   * Which of the two targets of its source row this row carries (pt-BR, starts with a capital: "Puerpério").
   * Only on rows split from one source row, which share the source's description.
   */
  part?: string;
  /** "Conteúdo": what is counted or looked at. */
  content: string;
  /** "Periodicidade da verificação", pt-BR text as written ("Mensal", "4 vezes ao ano", …). */
  periodicity: string;
  /** How many verifications a year the periodicity means (Mensal = 12, "4 vezes ao ano" = 4). */
  timesPerYear: number;
  /**
   * The target written in a starter table's Meta column: one target, worded so that the target parser reads
   * it as the instrument means it. It is the source's "Meta" text wherever the parser reads that text so;
   * elsewhere it is rewritten from the source row (see `sourceTarget` and the notes on each such row).
   */
  target: string;
  /** "Meta" exactly as the source writes it, e.g. "Cumprir 100% das visitas previstas para o mês.". */
  sourceTarget: string;
  /** "Fonte de verificação". */
  source: string;
  /** "Evidências". */
  evidence: string;
  /** "Responsável pela verificação". */
  verifiedBy: string;
}

/** A row as written below: `target` only where it differs from the source's text. */
type Row = Omit<InstrumentIndicator, "target"> & { target?: string };

const PRONTUARIOS_FICHAS = "Prontuários das unidades de saúde e fichas de atendimento (G-Mus/esus)";
const RELATORIO_SISTEMA_SMS = "Relatório emitido pelo Sistema de informação da SMS";
const RELATORIO_ATIVIDADES = "Relatório das atividades realizadas no período.";
const FISCAL_COORDENADOR = "Fiscal do contrato, Coordenador da AB";
const FISCAL_E_COORDENADOR = "Fiscal do contrato e coordenador da AB.";

/** The source row on pregnant women's consultations (I08), without its code and target. */
const GESTANTES = {
  type: "Informação",
  description:
    "Proporção de gestantes com 6 (seis) ou mais consultas de pré-natal e 01 (um) de puerpério. Mínimo de consulta de pré natal por trimestre: 01 (um) no primeiro, 02 (duas) no segundo e 3 (três) no terceiro trimestre. 01 (um) consulta de puerpério: até o 7º dia após o parto. Realizadas na unidade de referência que tenha médico pela CONTRATADA",
  content:
    "Total de gestantes com 6 ou mais consultas de pré natal/total de gestantes que concluíram pré natal e puerpério das unidades sob contratos de gestão nos últimos 6 meses",
  periodicity: "3 vezes ao ano",
  timesPerYear: 3,
  sourceTarget:
    "75%* de gestantes com 6 consultas de pré natal ou mais e 100% da consulta de puerpério. *O percentual pode variar de acordo com a Lei PREVINE Brasil.",
  source: "Banco de dados da rede cegonha",
  evidence: RELATORIO_SISTEMA_SMS,
  verifiedBy: FISCAL_COORDENADOR,
} as const satisfies Omit<Row, "code">;

/** The source row on gestational syphilis (I09), without its code and target. */
const SIFILIS = {
  type: "Processo",
  description:
    "Realizar o tratamento completo de 100% das mulheres com diagnóstico de sífilis gestacional durante o pré natal realizada na unidade de referência que tenha o médico pela contratada.",
  content:
    "Tratamento completo da gestante e tratamento do parceiro sexual (quando possível) das unidades sob contratos de gestão",
  periodicity: "3 vezes no ano",
  timesPerYear: 3,
  sourceTarget:
    "Tratamento de 100% das gestantes com diagnóstico de sífilis gestacional. 0% de casos de sífilis congênita.",
  source: "Banco de dados do G-mus",
  evidence: RELATORIO_SISTEMA_SMS,
  verifiedBy: FISCAL_COORDENADOR,
} as const satisfies Omit<Row, "code">;

/** The rows of the instrument, in the source's order. */
const ROWS: readonly Row[] = [
  {
    code: "I01",
    type: "Informação",
    description:
      "Pontualidade na entrega por parte da contratada dos relatórios mensais, de prestação de contas assistenciais e financeiras",
    content:
      "Conjunto de relatórios e documentos referidos no contrato entregues na primeira semana do mês subsequente à execução das atividades",
    periodicity: "Mensal",
    timesPerYear: 12,
    sourceTarget: "100% de pontualidade para 100% dos relatórios",
    source: "Protocolo de recebimento dos relatórios pela SMS",
    evidence: "Protocolo de recebimento preenchido",
    verifiedBy: "Fiscal do contrato",
  },
  {
    code: "I02",
    type: "Informação",
    description:
      "Conformidade dos dados entregues por parte da contratada nos relatórios mensais, nas prestações de contas assistenciais e financeiras ao padrão do descritivo elaborado pela SMS",
    content:
      "Conjunto de relatórios e documentos referidos no contrato entregues até a primeira semana do mês subsequente á execução das atividades",
    periodicity: "Mensal",
    timesPerYear: 12,
    sourceTarget: "Atingimento de 100% de avaliação qualitativa dos critérios descritos",
    source: "Leitura dos dados pelos solicitantes/responsáveis pela avaliação dos dados na SMS",
    evidence: "Relatório da avaliação emitido respectivamente pela responsável na SMS",
    verifiedBy: "Fiscal do Contrato, outros solicitantes",
  },
  {
    // The row runs over a page break; the last words of the description and of the content are on the next page.
    code: "I03",
    type: "Satisfação do usuário e da equipe",
    description:
      "Entrega de relatório comentado das reclamações/elogios recebidas através das pesquisas de satisfação dos usuários e da equipe e providências adotadas",
    content:
      "Entrega de relatório comentado das reclamações recebidas através de oficio pela SMS, bem como, por meio de pesquisa eletrônica, ouvidorias e as providências adotadas.",
    periodicity: "4 vezes ao ano",
    timesPerYear: 4,
    sourceTarget: "Apresentar justificativa e providencias de todas as reclamações recebidas no período",
    source: "Relatório das reclamações recebidas pela SMS, seja por meio presencial, eletrônico ou ouvidoria.",
    evidence: "Relatório comentado apresentado.",
    verifiedBy: "Coordenador da AB e comissão de avaliação.",
  },
  {
    code: "I04",
    type: "Informação",
    description:
      "Preenchimento de prontuários, nos seguintes aspectos: legibilidade, assinaturas, CID, exame físico; preenchimento devido do correspondente eletrônico",
    content: "Avaliação das fichas de atendimento (esus) e dos prontuários dos pacientes da unidade (amostra)",
    periodicity: "4 vezes ao ano",
    timesPerYear: 4,
    sourceTarget: "90% ou mais das fichas avaliadas atendendo todos os requisitos",
    source: PRONTUARIOS_FICHAS,
    evidence:
      "Relatório da avaliação emitido respectivamente pela responsável na SMS pelos registros de produção e pelo fiscal do contrato juntamente com a RT da unidade",
    verifiedBy: "Responsável na SMS pelos registros de produção, fiscal do contrato juntamente com a RT da unidade",
  },
  {
    code: "I05",
    type: "Informação",
    description:
      "Encaminhamento e preenchimento adequado dos formulários de encaminhamento para consultas e exames especializados; preenchimento devido do correspondente eletrônico",
    content: "Avaliação por parte da equipe da Regulação dos encaminhamentos.",
    periodicity: "Mensal",
    timesPerYear: 12,
    sourceTarget: "90% ou mais dos encaminhamentos conforme protocolos estabelecidos pela SMS e preenchimento adequado",
    source: "Protocolos de encaminhamento de consultas e exames especializados",
    evidence: "Formulários de encaminhamentos",
    verifiedBy: "Responsável pela Regulação Municipal e após envio ao fiscal do contrato.",
  },
  {
    // The description and the content run over a page break.
    code: "I06",
    type: "Informação",
    description:
      "Diminuição dos atendimentos nas UPAS hospitais das fichas azuis e verdes, de área de referência das unidades com profissionais da CONTRATADA, no horário de funcionamento das unidades",
    content:
      "Gráficos apresentados pelas UPAS e hospitais no relatório operacional do mesmo. Critério que deve ser avaliado como reflexo do bom funcionamento da Gestão Clínica",
    periodicity: "Mensal",
    timesPerYear: 12,
    sourceTarget: "Diminuir gradual dos atendimentos passiveis de atuação das unidades de saúde",
    source: "Relatório emitido pelas UPAS e hospitais",
    evidence: "Relatório emitido pelas UPAS e hospitais",
    verifiedBy: "Fiscal do contrato",
  },
  {
    code: "I07",
    type: "Processo",
    description: "Execução do Plano de Educação Permanente aprovado pela SMS, com frequência mínima de 75%",
    content: "Nº de atividades realizadas / Nº de atividades previstas no plano de educação permanente para o período",
    periodicity: "2 vezes ao ano",
    timesPerYear: 2,
    sourceTarget: "100% de realização das atividades previstas",
    source: "Relatório das atividades realizadas no período",
    evidence:
      "Relatórios de atividades com lista de presença e avaliação com “a contendo” pelo grupo da SMS responsável pela educação permanente",
    verifiedBy: "Representante da SMS do grupo de educação permanente fiscal do contrato",
  },
  // The source's I08 and I09 rows each carry two targets in one Meta cell; the parser would read only the
  // first, so each becomes two rows with one target each, sharing the rest of the source row.
  {
    ...GESTANTES,
    code: "I08a",
    part: "Pré-natal",
    target: "75% de gestantes com 6 consultas de pré-natal ou mais",
  },
  {
    ...GESTANTES,
    code: "I08b",
    part: "Puerpério",
    target: "100% da consulta de puerpério",
  },
  {
    ...SIFILIS,
    code: "I09a",
    part: "Tratamento da sífilis gestacional",
    target: "Tratamento de 100% das gestantes com diagnóstico de sífilis gestacional",
  },
  {
    ...SIFILIS,
    code: "I09b",
    part: "Sífilis congênita",
    // No direction word: a target of 0% is at most (zero cases), which is what the source means.
    target: "0% de casos de sífilis congênita",
  },
  {
    code: "I10",
    type: "Processo",
    description:
      "Acompanhamento do crescimento e desenvolvimento das crianças em área adstrita à unidade de referência que tenha o médico da contrata. MÍNIMO de Consultas de puericultura: Consulta do recém nascido (primeira semana de vida – do 3º ao 7º dia), primeiro ano de vida (06 (seis) consultas): final do 1º mês, 02 (dois), 04 (quatro), 06 (seis), 09 (nove) e 12 (doze) meses; aos 2 anos: 02 (dois) consultas, 18 (dezoito) e 24 (vinte e quatro) meses;",
    content: "Total de crianças acompanhadas em puericultura, por faixa etária das unidades sob contratos de gestão",
    periodicity: "3 Vezes no ano",
    timesPerYear: 3,
    sourceTarget: "Cobertura de 75% das crianças do território.",
    source: "Relatório emitido pelo sistema de informação da SMS(G-MUS)",
    evidence: RELATORIO_SISTEMA_SMS,
    verifiedBy: FISCAL_COORDENADOR,
  },
  {
    code: "I11",
    type: "Processo",
    description:
      "Acompanhamento de pacientes portadores de doenças crônicas residentes em área adstrita à unidade de referência que tenha o médico da contratada. MÍNIMO de Consultas, conforme protocolos da APS e SMS",
    content: "Total de pessoas portadoras de doenças crônicas acompanhadas nas unidades sob contratos de gestão",
    periodicity: "03 vezes ao ano",
    timesPerYear: 3,
    sourceTarget: "Cobertura de 80% das pessoas portadoras de doenças crônicas do território.",
    source: PRONTUARIOS_FICHAS,
    evidence: RELATORIO_SISTEMA_SMS,
    verifiedBy: FISCAL_COORDENADOR,
  },
  {
    code: "I12",
    type: "Processo",
    description: "Visitas domiciliares",
    content: "Mínimo de 10 de visitas domiciliares realizadas ao mês. CONFORME LEI 7247 DE 1/06/2012",
    periodicity: "Mensal",
    timesPerYear: 12,
    // "Cumprir 100% das visitas previstas" means the minimum in Conteúdo (10 a month), and what is typed in
    // Resultado is a count of visits: written as a percentage, a count of 12 would read as 12%.
    target: "Mínimo de 10 visitas domiciliares ao mês",
    sourceTarget: "Cumprir 100% das visitas previstas para o mês.",
    source: PRONTUARIOS_FICHAS,
    evidence: RELATORIO_ATIVIDADES,
    verifiedBy: FISCAL_E_COORDENADOR,
  },
  {
    // The source leaves the type cell of this row empty; it is not guessed here.
    code: "I13",
    description: "Atividades coletivas",
    content: "Mínimo 02 atividades mensais. CONFORME LEI 7247 DE 1/06/2012",
    periodicity: "Mensal",
    timesPerYear: 12,
    // As I12: the activities "previstas" are the minimum in Conteúdo, 2 a month.
    target: "Mínimo de 2 atividades coletivas ao mês",
    sourceTarget:
      "Cumprir 100% das atividades coletivas previstas para o mês, atividades educativas para grupos na comunidade, escolas ou na unidade de saúde (hiperdia, gestantes, idosos, PSE, tabagismo).",
    source: PRONTUARIOS_FICHAS,
    evidence: RELATORIO_ATIVIDADES,
    verifiedBy: FISCAL_E_COORDENADOR,
  },
  {
    code: "I14",
    type: "Processo",
    description: "Consulta médica",
    content: "O total de no mínimo 300 consultas mensais. CONFORME LEI 7247 DE 01/06/2012",
    periodicity: "Mensal",
    timesPerYear: 12,
    // As I12: the minimum is in Conteúdo, 300 a month; a count of 280 must not read as 280%.
    target: "Mínimo de 300 consultas médicas ao mês",
    sourceTarget:
      "Cumprir 100% de consultas médicas de forma presencial, oriundas do acolhimento de demandas espontânea e programadas.",
    source: PRONTUARIOS_FICHAS,
    evidence: RELATORIO_ATIVIDADES,
    verifiedBy: FISCAL_E_COORDENADOR,
  },
];

/**
 * The rows of the instrument, in the source's order, each with the target a starter table writes: the
 * source's own text unless the row gives another.
 */
export const INSTRUMENT_INDICATORS: readonly InstrumentIndicator[] = ROWS.map((row) => ({
  ...row,
  target: row.target ?? row.sourceTarget,
}));
