<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <location filename="../../app/common/figures.py" line="80"/>
        <source>Prompt: </source>
        <translation>Prompt: </translation>
    </message>
    <message>
        <location filename="../../app/common/figures.py" line="144"/>
        <source>Exported from LM Anatomy</source>
        <translation>Exportado desde LM Anatomy</translation>
    </message>
    <message>
        <location filename="../../app/explore/model_picker.py" line="31"/>
        <source>Model</source>
        <translation>Modelo</translation>
    </message>
    <message>
        <location filename="../../app/explore/model_picker.py" line="31"/>
        <source>Device</source>
        <translation>Dispositivo</translation>
    </message>
    <message>
        <location filename="../../app/explore/model_picker.py" line="39"/>
        <source>Open a model folder</source>
        <translation>Abrir una carpeta de modelo</translation>
    </message>
    <message>
        <location filename="../../app/explore/model_picker.py" line="51"/>
        <location filename="../../app/explore/model_picker.py" line="54"/>
        <source>Shipped: {0}</source>
        <translation>Incluido: {0}</translation>
    </message>
    <message>
        <location filename="../../app/common/pages.py" line="49"/>
        <location filename="../../app/explore/model_picker.py" line="61"/>
        <source>Open a model folder…</source>
        <translation>Abrir una carpeta de modelo…</translation>
    </message>
    <message>
        <location filename="../../app/common/pages.py" line="51"/>
        <source>Retry</source>
        <translation>Reintentar</translation>
    </message>
    <message>
        <location filename="../../app/common/pages.py" line="52"/>
        <source>Try loading the same model folder again</source>
        <translation>Volver a intentar cargar la misma carpeta de modelo</translation>
    </message>
    <message>
        <location filename="../../app/common/pages.py" line="88"/>
        <source>Type something in the box above</source>
        <translation>Escribe algo en el cuadro de arriba</translation>
    </message>
    <message>
        <location filename="../../app/common/pages.py" line="89"/>
        <source>The model reads your text, splits it into tokens and guesses what comes next. Every stage on the left updates as you type. Try one of these:</source>
        <translation>El modelo lee tu texto, lo divide en tokens y adivina lo que viene después. Cada etapa de la izquierda se actualiza mientras escribes. Prueba uno de estos:</translation>
    </message>
    <message>
        <location filename="../../app/common/pages.py" line="138"/>
        <source>(The lesson file {0} is missing.)</source>
        <translation>(Falta el archivo de la lección {0}.)</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/ablation_grid.py" line="117"/>
        <source>{0:+.1f} pp: rose</source>
        <translation>{0:+.1f} pp: subió</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/ablation_grid.py" line="117"/>
        <source>0</source>
        <translation>0</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/ablation_grid.py" line="117"/>
        <source>{0:+.1f} pp: fell</source>
        <translation>{0:+.1f} pp: bajó</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/ablation_text.py" line="17"/>
        <source>MLP {0}</source>
        <translation>MLP {0}</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/ablation_text.py" line="18"/>
        <source>switched off: {0}</source>
        <translation>desactivado: {0}</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/ablation_text.py" line="26"/>
        <source>1 head</source>
        <translation>1 cabeza</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/ablation_text.py" line="26"/>
        <source>{0} heads</source>
        <translation>{0} cabezas</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/ablation_text.py" line="27"/>
        <source>1 MLP</source>
        <translation>1 MLP</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/ablation_text.py" line="27"/>
        <source>{0} MLPs</source>
        <translation>{0} MLP</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/ablation_text.py" line="28"/>
        <source>{0} switched off: every stage shows the changed model</source>
        <translation>{0} desactivado: todas las etapas muestran el modelo modificado</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/ablation_text.py" line="29"/>
        <source> and </source>
        <translation> y </translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block_sections.py" line="19"/>
        <source>mean {0:+.2f} · spread {1:.2f}
length {2:.2f}</source>
        <translation>media {0:+.2f} · dispersión {1:.2f}
longitud {2:.2f}</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block_sections.py" line="48"/>
        <source>(x − mean) / spread</source>
        <translation>(x − media) / disp.</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block_sections.py" line="49"/>
        <source>× γ + β</source>
        <translation>× γ + β</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block_sections.py" line="83"/>
        <source>tokens after this one get −∞ (the causal mask), so softmax gives them weight 0</source>
        <translation>los tokens posteriores a este reciben −∞ (la máscara causal), así que el softmax les da peso 0</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block_sections.py" line="84"/>
        <source>this model has no causal mask (it fills in hidden tokens), so every token is seen, later ones too</source>
        <translation>este modelo no tiene máscara causal (rellena tokens ocultos), así que ve todos los tokens, también los posteriores</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block_sections.py" line="86"/>
        <source>The head makes a query from this token&apos;s layer-normed vector, and a key and a value from every token&apos;s ({0} numbers each). The query meets each key in a dot product (q·k), divided by √{0} so the scores do not grow with the head&apos;s width; {1}. Softmax makes the weights positive and add up to 1; the head&apos;s output is the values summed with those weights.</source>
        <translation>La cabeza calcula una consulta a partir del vector normalizado de este token, y una clave y un valor a partir del de cada token ({0} números cada uno). La consulta se combina con cada clave en un producto escalar (q·k), dividido por √{0} para que las puntuaciones no crezcan con el ancho de la cabeza; {1}. El softmax hace que los pesos sean positivos y sumen 1; la salida de la cabeza es la suma de los valores ponderados por esos pesos.</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block_sections.py" line="90"/>
        <source>query q of “{0}”</source>
        <translation>consulta q de «{0}»</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block_sections.py" line="92"/>
        <source>itself and every earlier token</source>
        <translation>él mismo y todos los tokens anteriores</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block_sections.py" line="92"/>
        <source>every token</source>
        <translation>todos los tokens</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block_sections.py" line="106"/>
        <source>q·k</source>
        <translation>q·k</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block_sections.py" line="106"/>
        <source>÷ √{0}</source>
        <translation>÷ √{0}</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block_sections.py" line="106"/>
        <source>causal mask</source>
        <translation>máscara causal</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block_sections.py" line="106"/>
        <source>softmax</source>
        <translation>softmax</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block_sections.py" line="82"/>
        <source>2 · Attention, head {0}: the token looks back</source>
        <translation>2 · Atención, cabeza {0}: el token mira hacia atrás</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block_sections.py" line="93"/>
        <source>&lt;b&gt;Keys&lt;/b&gt; k of the tokens it may see ({0}), one row each</source>
        <translation>&lt;b&gt;Claves&lt;/b&gt; k de los tokens que puede ver ({0}), una fila cada una</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block_sections.py" line="96"/>
        <source>&lt;b&gt;Scores&lt;/b&gt; for every token of the prompt (columns): q·k, then ÷ √{0}, then the mask, then softmax. The first three rows share one colour scale (see the division fade them); softmax has its own, 0 to the largest weight. Hover a cell for its value.</source>
        <translation>&lt;b&gt;Puntuaciones&lt;/b&gt; para cada token del prompt (columnas): q·k, luego ÷ √{0}, luego la máscara y luego el softmax. Las tres primeras filas comparten una escala de color (fíjate en cómo las atenúa la división); el softmax tiene la suya, de 0 al peso mayor. Pasa el ratón por una celda para ver su valor.</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block_sections.py" line="101"/>
        <source>“{0}” sees {1} of {2} tokens; the {3} after it are set to −∞.</source>
        <translation>«{0}» ve {1} de {2} tokens; los {3} posteriores se ponen a −∞.</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block_sections.py" line="103"/>
        <source>“{0}” sees all {1} tokens: nothing is masked (click an earlier token to see −∞ cells).</source>
        <translation>«{0}» ve los {1} tokens: no hay nada enmascarado (haz clic en un token anterior para ver celdas con −∞).</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block_sections.py" line="104"/>
        <source>No causal mask: every token is seen.</source>
        <translation>Sin máscara causal: se ven todos los tokens.</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block_sections.py" line="108"/>
        <source>&lt;b&gt;Values&lt;/b&gt; v; the bars on the left are their softmax weights (the last row of the scores below).</source>
        <translation>&lt;b&gt;Valores&lt;/b&gt; v; las barras de la izquierda son sus pesos del softmax (la última fila de las puntuaciones de abajo).</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block_sections.py" line="112"/>
        <source>&lt;b&gt;Σ weight × value&lt;/b&gt;: the head&apos;s output for this token, the values added up with the softmax weights.</source>
        <translation>&lt;b&gt;Σ peso × valor&lt;/b&gt;: la salida de la cabeza para este token, los valores sumados con los pesos del softmax.</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block_sections.py" line="115"/>
        <source>Most weight on</source>
        <translation>Más peso en</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block_sections.py" line="116"/>
        <source>head {0} output</source>
        <translation>salida cabeza {0}</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block_sections.py" line="117"/>
        <source>&lt;b&gt;Head {0} is switched off&lt;/b&gt;: its output is zero for every token.</source>
        <translation>&lt;b&gt;La cabeza {0} está desactivada&lt;/b&gt;: su salida es cero para todos los tokens.</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block_sections.py" line="123"/>
        <source>3 · The heads joined, then W_O</source>
        <translation>3 · Las cabezas unidas, luego W_O</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block_sections.py" line="130"/>
        <source> Head {0} is switched off: its part is all zeros.</source>
        <translation> La cabeza {0} está desactivada: su parte es toda ceros.</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block_sections.py" line="132"/>
        <source> Heads {0} are switched off: their parts are all zeros.</source>
        <translation> Las cabezas {0} están desactivadas: sus partes son todo ceros.</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block_sections.py" line="134"/>
        <source>The {0} heads&apos; outputs side by side ({0} × {1} = {2} numbers; dashed lines separate the heads). The output matrix W_O ({2} × {3}) and its bias mix them into one vector: attention&apos;s contribution to this token.</source>
        <translation>Las salidas de las {0} cabezas una al lado de otra ({0} × {1} = {2} números; las líneas discontinuas separan las cabezas). La matriz de salida W_O ({2} × {3}) y su sesgo las mezclan en un solo vector: la contribución de la atención a este token.</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block_sections.py" line="137"/>
        <source>heads 1…{0} joined</source>
        <translation>cabezas 1…{0} unidas</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block_sections.py" line="138"/>
        <source>× W_O + b</source>
        <translation>× W_O + b</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block_sections.py" line="157"/>
        <source>6 · MLP: widen, GELU, narrow</source>
        <translation>6 · MLP: ensanchar, GELU, estrechar</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block_sections.py" line="172"/>
        <source>A linear layer widens the vector from {0} to {1} numbers. GELU then acts on each number alone: on the curve, each dot is one of this token&apos;s {1} neurons (across: its value before GELU; up: after). Negative inputs are squashed towards 0, positive ones pass almost unchanged. The orange dots are the most active neurons, listed on the right and marked under the bars. A second linear layer narrows the {1} numbers back to {0}.</source>
        <translation>Una capa lineal ensancha el vector de {0} a {1} números. Después, GELU actúa sobre cada número por separado: en la curva, cada punto es una de las {1} neuronas de este token (en horizontal, su valor antes de GELU; en vertical, después). Las entradas negativas se aplastan hacia 0 y las positivas pasan casi sin cambios. Los puntos naranjas son las neuronas más activas, listadas a la derecha y marcadas bajo las barras. Una segunda capa lineal vuelve a estrechar los {1} números a {0}.</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block_sections.py" line="177"/>
        <source>layer-normed input</source>
        <translation>entrada normalizada</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block_sections.py" line="178"/>
        <source>widened: before GELU</source>
        <translation>ancho: antes de GELU</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block_sections.py" line="181"/>
        <source>after GELU</source>
        <translation>después de GELU</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block_sections.py" line="182"/>
        <source>narrowed: MLP output</source>
        <translation>estrecho: salida MLP</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block_sections.py" line="187"/>
        <source>8 · This token through every layer</source>
        <translation>8 · Este token a través de todas las capas</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block_sections.py" line="189"/>
        <source>The line is the length ‖x‖ of this token&apos;s residual stream entering the first block (“in”) and after each block; the bars are the lengths of what each block&apos;s attention and MLP added to it. The shaded layer is the one shown above; click another to open it.</source>
        <translation>La línea es la longitud ‖x‖ del flujo residual de este token al entrar en el primer bloque («entrada») y tras cada bloque; las barras son las longitudes de lo que la atención y el MLP de cada bloque le sumaron. La capa sombreada es la que se muestra arriba; haz clic en otra para abrirla.</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block_sections.py" line="199"/>
        <source>1 · The residual stream enters; layer norm 1</source>
        <translation>1 · Entra el flujo residual; normalización de capa 1</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block_sections.py" line="200"/>
        <source>The top row is this token&apos;s residual stream as it enters the block. Layer norm subtracts its mean and divides by its spread √(variance + ε): the middle row has mean 0 and spread 1, whatever the size of the top row. Then a learned scale γ and shift β, one pair per dimension, reshape it (bottom row): compare the middle and bottom rows to see which dimensions γ stretches, shrinks or flips. Each row has its own scale (± at its right).</source>
        <translation>La fila de arriba es el flujo residual de este token al entrar en el bloque. La normalización de capa le resta su media y lo divide por su dispersión √(varianza + ε): la fila del medio tiene media 0 y dispersión 1, sea cual sea el tamaño de la de arriba. Después, una escala γ y un desplazamiento β aprendidos, un par por dimensión, le dan nueva forma (fila de abajo): compara las filas del medio y de abajo para ver qué dimensiones estira, encoge o invierte γ. Cada fila tiene su propia escala (± a su derecha).</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block_sections.py" line="204"/>
        <location filename="../../app/explore/panels/block_sections.py" line="210"/>
        <source>x: residual in</source>
        <translation>x: flujo entrante</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block_sections.py" line="207"/>
        <source>4 · Residual add: x + attention</source>
        <translation>4 · Suma residual: x + atención</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block_sections.py" line="208"/>
        <source>Attention&apos;s output is added to the residual stream number by number: the third row is the sum of the first two. All three rows share one scale, so their sizes compare. The block never overwrites the stream; it only adds to it.</source>
        <translation>La salida de la atención se suma al flujo residual número a número: la tercera fila es la suma de las dos primeras. Las tres filas comparten una escala, así que sus tamaños se pueden comparar. El bloque nunca sobrescribe el flujo; solo le suma.</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block_sections.py" line="210"/>
        <source>+ attention</source>
        <translation>+ atención</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block_sections.py" line="210"/>
        <source>= x + attention</source>
        <translation>= x + atención</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block_sections.py" line="211"/>
        <source>5 · Layer norm 2</source>
        <translation>5 · Normalización de capa 2</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block_sections.py" line="212"/>
        <source>The same normalisation, with its own learned γ and β, prepares the stream for the MLP.</source>
        <translation>La misma normalización, con sus propios γ y β aprendidos, prepara el flujo para el MLP.</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block_sections.py" line="213"/>
        <location filename="../../app/explore/panels/block_sections.py" line="218"/>
        <source>x + attention</source>
        <translation>x + atención</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block_sections.py" line="215"/>
        <source>7 · Residual add: + MLP = the block&apos;s output</source>
        <translation>7 · Suma residual: + MLP = la salida del bloque</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block_sections.py" line="216"/>
        <source>The MLP&apos;s output is added in the same way. The sum is the block&apos;s output: what the next block reads (after the last block, the final layer norm and the output layer read it).</source>
        <translation>La salida del MLP se suma del mismo modo. La suma es la salida del bloque: lo que lee el bloque siguiente (tras el último bloque, la leen la normalización de capa final y la capa de salida).</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block_sections.py" line="218"/>
        <source>+ MLP</source>
        <translation>+ MLP</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block_sections.py" line="218"/>
        <source>= block output</source>
        <translation>= salida del bloque</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_bias.py" line="44"/>
        <source>One slot like {doctor|nurse}: each word in it makes one prompt</source>
        <translation>Un hueco como {doctor|nurse}: cada palabra que contiene da un prompt</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_bias.py" line="46"/>
        <source>Words whose next-token probability is read, separated by commas</source>
        <translation>Palabras cuya probabilidad como siguiente token se lee, separadas por comas</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_bias.py" line="49"/>
        <source>Run probe</source>
        <translation>Ejecutar sonda</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_bias.py" line="51"/>
        <source>Export CSV…</source>
        <translation>Exportar CSV…</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/ablation.py" line="38"/>
        <source>Nothing is switched off. Choose &lt;b&gt;switch it off&lt;/b&gt; above the grid and click a head, or untick a layer&apos;s MLP, to see what the model predicts without it.</source>
        <translation>No hay nada desactivado. Elige &lt;b&gt;desactivarla&lt;/b&gt; encima de la cuadrícula y haz clic en una cabeza, o desmarca el MLP de una capa, para ver qué predice el modelo sin ella.</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/ablation.py" line="49"/>
        <source>probability of the next token (%)</source>
        <translation>probabilidad del siguiente token (%)</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/ablation.py" line="58"/>
        <source>Logit lens, whole model</source>
        <translation>Lente de logits, modelo completo</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/ablation.py" line="59"/>
        <source>Logit lens, parts switched off</source>
        <translation>Lente de logits, partes desactivadas</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/ablation.py" line="95"/>
        <source>{0}. Top token “{1}”: {2:.1f}% → {3:.1f}%</source>
        <translation>{0}. Token más probable «{1}»: {2:.1f} % → {3:.1f} %</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/ablation.py" line="124"/>
        <source>whole model</source>
        <translation>modelo completo</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/ablation.py" line="124"/>
        <source>parts switched off</source>
        <translation>partes desactivadas</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_bias.py" line="60"/>
        <source>next-token probability (%)</source>
        <translation>probabilidad del siguiente token (%)</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_bias.py" line="68"/>
        <source>Example</source>
        <translation>Ejemplo</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_bias.py" line="70"/>
        <source>Template</source>
        <translation>Plantilla</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_bias.py" line="72"/>
        <source>Targets</source>
        <translation>Objetivos</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_bias.py" line="100"/>
        <source>Press Run probe to trace these prompts on {0}.</source>
        <translation>Pulsa Ejecutar sonda para trazar estos prompts en {0}.</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_probes.py" line="38"/>
        <source>The prompts stay in English: the shipped model read only English text (Shakespeare).</source>
        <translation>Los prompts siguen en inglés: el modelo incluido solo ha leído texto en inglés (Shakespeare).</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_bias.py" line="116"/>
        <source>Cannot run this probe</source>
        <translation>No se puede ejecutar esta sonda</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_bias.py" line="119"/>
        <source>Open a model first.</source>
        <translation>Abre primero un modelo.</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_bias.py" line="123"/>
        <source>Tracing {0} prompts…</source>
        <translation>Trazando {0} prompts…</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_bias.py" line="134"/>
        <source>The probe did not run</source>
        <translation>La sonda no se ejecutó</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_bias.py" line="166"/>
        <source>“{0}” — next-token probability</source>
        <translation>«{0}»: probabilidad del siguiente token</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_bias.py" line="170"/>
        <source>filler</source>
        <translation>palabra del hueco</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_bias.py" line="176"/>
        <source>prompt: {0}</source>
        <translation>prompt: {0}</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_bias.py" line="183"/>
        <source>{0} prompts traced; each bar is the probability of the word&apos;s first token.</source>
        <translation>{0} prompts trazados; cada barra es la probabilidad del primer token de la palabra.</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_bias.py" line="189"/>
        <source>Export bias probe</source>
        <translation>Exportar sonda de sesgo</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_bias.py" line="196"/>
        <source>Could not save</source>
        <translation>No se pudo guardar</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_bias.py" line="198"/>
        <location filename="../../app/menus.py" line="188"/>
        <location filename="../../app/menus.py" line="203"/>
        <location filename="../../app/window.py" line="105"/>
        <source>Saved {0}</source>
        <translation>Guardado {0}</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_compute.py" line="42"/>
        <source>quantity</source>
        <translation>magnitud</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_compute.py" line="42"/>
        <location filename="../../app/explore/panels/positions.py" line="70"/>
        <location filename="../../app/explore/panels/positions.py" line="76"/>
        <source>value</source>
        <translation>valor</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_compute.py" line="42"/>
        <source>how it is worked out</source>
        <translation>cómo se calcula</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_compute.py" line="43"/>
        <source>N parameters</source>
        <translation>N parámetros</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_compute.py" line="44"/>
        <source>D tokens</source>
        <translation>D tokens</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_compute.py" line="46"/>
        <source>An assumption, not a measurement: 15 W is a typical laptop CPU&apos;s sustained power</source>
        <translation>Una suposición, no una medida: 15 W es la potencia sostenida típica de la CPU de un portátil</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_compute.py" line="48"/>
        <source>Measure this machine</source>
        <translation>Medir este equipo</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_compute.py" line="49"/>
        <source>Time a few forward + backward passes of the open model here</source>
        <translation>Cronometrar aquí unas pocas pasadas hacia delante + hacia atrás del modelo abierto</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_compute.py" line="55"/>
        <source>model</source>
        <translation>modelo</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_compute.py" line="55"/>
        <source>parameters</source>
        <translation>parámetros</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_compute.py" line="55"/>
        <source>training tokens</source>
        <translation>tokens de entrenamiento</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_compute.py" line="55"/>
        <source>published FLOPs</source>
        <translation>FLOPs publicados</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_compute.py" line="56"/>
        <source>time at that speed</source>
        <translation>tiempo a esa velocidad</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_compute.py" line="56"/>
        <source>energy</source>
        <translation>energía</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_compute.py" line="56"/>
        <source>source</source>
        <translation>fuente</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_compute.py" line="68"/>
        <source>Power</source>
        <translation>Potencia</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_compute.py" line="74"/>
        <source>This model</source>
        <translation>Este modelo</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_compute.py" line="74"/>
        <source>What if: 6·N·D</source>
        <translation>¿Y si…?: 6·N·D</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_compute.py" line="75"/>
        <source>Published models (click a row to put it on the sliders)</source>
        <translation>Modelos publicados (haz clic en una fila para ponerla en los deslizadores)</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_compute.py" line="106"/>
        <source>Measuring: a few forward + backward passes of the open model…</source>
        <translation>Midiendo: unas pocas pasadas hacia delante + hacia atrás del modelo abierto…</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_compute.py" line="116"/>
        <source>Could not measure this machine: {0}</source>
        <translation>No se pudo medir este equipo: {0}</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_compute.py" line="126"/>
        <source>6·N·D: Kaplan et al. 2020, section 2.1. GPT-3&apos;s training used about {0:,} MWh (Patterson et al. 2021). The wattage is an assumption.</source>
        <translation>6·N·D: Kaplan et al. 2020, sección 2.1. El entrenamiento de GPT-3 consumió unos {0:,} MWh (Patterson et al. 2021). La potencia en vatios es una suposición.</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_compute.py" line="135"/>
        <source>6 × {0} × {1} = &lt;b&gt;{2}&lt;/b&gt;</source>
        <translation>6 × {0} × {1} = &lt;b&gt;{2}&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_compute.py" line="137"/>
        <source>&lt;br&gt;This model&apos;s folder does not say how fast it trained: press Measure this machine.</source>
        <translation>&lt;br&gt;La carpeta de este modelo no dice a qué velocidad se entrenó: pulsa Medir este equipo.</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_compute.py" line="141"/>
        <source>On this machine</source>
        <translation>En este equipo</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_compute.py" line="141"/>
        <source>At the speed it trained</source>
        <translation>A la velocidad a la que se entrenó</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_compute.py" line="142"/>
        <source>&lt;br&gt;{0}: &lt;b&gt;{1}&lt;/b&gt;&lt;br&gt;Energy at {2:.0f} W: &lt;b&gt;{3}&lt;/b&gt;</source>
        <translation>&lt;br&gt;{0}: &lt;b&gt;{1}&lt;/b&gt;&lt;br&gt;Energía a {2:.0f} W: &lt;b&gt;{3}&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_compute.py" line="145"/>
        <source>Speed: {0} ({1}; 6·N × tokens/s).</source>
        <translation>Velocidad: {0} ({1}; 6·N × tokens/s).</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_interpret.py" line="75"/>
        <source>Open the Attention stage</source>
        <translation>Abrir la etapa Atención</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_interpret.py" line="78"/>
        <source>What this cannot show: an attention pattern says where a head reads from, not what it does with what it reads; switching a head off shows what this one prediction loses, on this one prompt. A claim about what a head is &lt;i&gt;for&lt;/i&gt; needs many prompts and a test that could have failed.</source>
        <translation>Lo que esto no puede mostrar: un patrón de atención dice de dónde lee una cabeza, no qué hace con lo que lee; desactivar una cabeza muestra lo que pierde esta única predicción, en este único prompt. Afirmar &lt;i&gt;para qué&lt;/i&gt; sirve una cabeza exige muchos prompts y una prueba que podría haber fallado.</translation>
    </message>
    <message>
        <location filename="../../app/common/export.py" line="23"/>
        <source>column {0}</source>
        <translation>columna {0}</translation>
    </message>
    <message>
        <location filename="../../app/common/export.py" line="47"/>
        <source>{0} probability</source>
        <translation>{0} probabilidad</translation>
    </message>
    <message>
        <location filename="../../app/common/export.py" line="48"/>
        <source>{0} value</source>
        <translation>{0} valor</translation>
    </message>
    <message>
        <location filename="../../app/common/export.py" line="71"/>
        <source>attention weights</source>
        <translation>pesos de atención</translation>
    </message>
    <message>
        <location filename="../../app/common/export.py" line="71"/>
        <location filename="../../app/explore/panels/attention.py" line="178"/>
        <source>logit lens</source>
        <translation>lente de logits</translation>
    </message>
    <message>
        <location filename="../../app/common/export.py" line="79"/>
        <location filename="../../app/explore/panels/attention.py" line="157"/>
        <source>mean of all heads</source>
        <translation>media de todas las cabezas</translation>
    </message>
    <message>
        <location filename="../../app/common/export.py" line="79"/>
        <location filename="../../app/explore/panels/attention.py" line="157"/>
        <source>head {0}</source>
        <translation>cabeza {0}</translation>
    </message>
    <message>
        <location filename="../../app/common/export.py" line="80"/>
        <location filename="../../app/explore/panels/attention.py" line="161"/>
        <source>score</source>
        <translation>puntuación</translation>
    </message>
    <message>
        <location filename="../../app/common/export.py" line="80"/>
        <location filename="../../app/explore/panels/attention.py" line="161"/>
        <location filename="../../app/explore/panels/heatmap.py" line="46"/>
        <location filename="../../app/explore/panels/heatmap.py" line="63"/>
        <source>weight</source>
        <translation>peso</translation>
    </message>
    <message>
        <location filename="../../app/common/export.py" line="81"/>
        <source>layer {0}, {1}: {2} (row: query, column: key)</source>
        <translation>capa {0}, {1}: {2} (fila: consulta, columna: clave)</translation>
    </message>
    <message>
        <location filename="../../app/common/export.py" line="82"/>
        <source>query position</source>
        <translation>posición de la consulta</translation>
    </message>
    <message>
        <location filename="../../app/common/export.py" line="82"/>
        <source>query token</source>
        <translation>token de la consulta</translation>
    </message>
    <message>
        <location filename="../../app/common/export.py" line="83"/>
        <source>key {0}: {1}</source>
        <translation>clave {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../app/common/export.py" line="95"/>
        <location filename="../../app/explore/panels/challenges_interpret.py" line="82"/>
        <source>layer</source>
        <translation>capa</translation>
    </message>
    <message>
        <location filename="../../app/common/export.py" line="95"/>
        <location filename="../../app/explore/panels/output_history.py" line="25"/>
        <source>rank</source>
        <translation>rango</translation>
    </message>
    <message>
        <location filename="../../app/common/export.py" line="95"/>
        <source>token id</source>
        <translation>id del token</translation>
    </message>
    <message>
        <location filename="../../app/common/export.py" line="95"/>
        <location filename="../../app/explore/panels/output_history.py" line="25"/>
        <location filename="../../app/explore/panels/text.py" line="68"/>
        <location filename="../../app/explore/panels/tokens.py" line="84"/>
        <location filename="../../app/explore/panels/tokens.py" line="143"/>
        <source>token</source>
        <translation>token</translation>
    </message>
    <message>
        <location filename="../../app/common/export.py" line="95"/>
        <location filename="../../app/explore/panels/output_history.py" line="25"/>
        <source>probability</source>
        <translation>probabilidad</translation>
    </message>
    <message>
        <location filename="../../app/common/export.py" line="117"/>
        <source>{0}: these numbers are from the changed model</source>
        <translation>{0}: estos números son del modelo modificado</translation>
    </message>
    <message>
        <location filename="../../app/common/export.py" line="162"/>
        <source>Save {0} as {1}</source>
        <translation>Guardar {0} como {1}</translation>
    </message>
    <message>
        <location filename="../../app/common/export.py" line="174"/>
        <source>Save {0} as PNG…</source>
        <translation>Guardar {0} como PNG…</translation>
    </message>
    <message>
        <location filename="../../app/common/export.py" line="175"/>
        <source>Save {0} as SVG…</source>
        <translation>Guardar {0} como SVG…</translation>
    </message>
    <message>
        <location filename="../../app/common/export.py" line="176"/>
        <source>Copy image</source>
        <translation>Copiar imagen</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_interpret.py" line="82"/>
        <source>head</source>
        <translation>cabeza</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_interpret.py" line="82"/>
        <source>previous</source>
        <translation>anterior</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_interpret.py" line="82"/>
        <source>punctuation</source>
        <translation>puntuación</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_interpret.py" line="82"/>
        <source>first</source>
        <translation>primero</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_interpret.py" line="83"/>
        <source>mean weight on the token just before</source>
        <translation>peso medio en el token justo anterior</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_interpret.py" line="83"/>
        <source>mean weight on punctuation marks</source>
        <translation>peso medio en los signos de puntuación</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_interpret.py" line="84"/>
        <source>mean weight on the first token</source>
        <translation>peso medio en el primer token</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_interpret.py" line="88"/>
        <source>Mean attention weights of every head on this prompt; double-click a row to open it</source>
        <translation>Pesos de atención medios de cada cabeza en este prompt; haz doble clic en una fila para abrirla</translation>
    </message>
    <message>
        <location filename="../../app/common/access_texts.py" line="120"/>
        <location filename="../../app/explore/panels/challenges_interpret.py" line="94"/>
        <source>A worked example: what is this head doing?</source>
        <translation>Un ejemplo resuelto: ¿qué hace esta cabeza?</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_interpret.py" line="102"/>
        <source>Every head on this prompt</source>
        <translation>Todas las cabezas en este prompt</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_interpret.py" line="137"/>
        <source>Open the previous-token head</source>
        <translation>Abrir la cabeza del token anterior</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_interpret.py" line="138"/>
        <source>Open the punctuation head</source>
        <translation>Abrir la cabeza de la puntuación</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_interpret.py" line="141"/>
        <source>Type a prompt of at least two tokens above (a few lines of a play work well): the worked example is computed from this model&apos;s attention on it.</source>
        <translation>Escribe arriba un prompt de al menos dos tokens (unas líneas de una obra de teatro van bien): el ejemplo resuelto se calcula con la atención de este modelo sobre él.</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_interpret.py" line="149"/>
        <location filename="../../app/explore/panels/challenges_interpret.py" line="150"/>
        <source>Open layer {0}, head {1}</source>
        <translation>Abrir la capa {0}, cabeza {1}</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_interpret.py" line="152"/>
        <source>On your prompt (&lt;i&gt;{0}&lt;/i&gt;, {1} tokens):</source>
        <translation>En tu prompt (&lt;i&gt;{0}&lt;/i&gt;, {1} tokens):</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_interpret.py" line="155"/>
        <source>&lt;b&gt;1. A head that looks one token back.&lt;/b&gt; Layer {0}, head {1} puts on average &lt;b&gt;{2:.0%}&lt;/b&gt; of a token&apos;s attention on the token just before it; spread evenly, it would be {3:.0%}. In its heatmap that is the bright line just below the diagonal. Such a head can tell later layers which token came before.</source>
        <translation>&lt;b&gt;1. Una cabeza que mira un token atrás.&lt;/b&gt; La capa {0}, cabeza {1} pone de media &lt;b&gt;{2:.0%}&lt;/b&gt; de la atención de un token en el token justo anterior; repartida por igual, sería {3:.0%}. En su mapa de calor es la línea brillante justo debajo de la diagonal. Una cabeza así puede decir a las capas posteriores qué token vino antes.</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_interpret.py" line="161"/>
        <source>&lt;b&gt;2. A head that looks back to punctuation.&lt;/b&gt; Layer {0}, head {1} puts &lt;b&gt;{2:.0%}&lt;/b&gt; on punctuation marks, which would get {3:.0%} if it spread its weight evenly: its bright cells sit in the columns of commas and full stops.</source>
        <translation>&lt;b&gt;2. Una cabeza que mira atrás, a la puntuación.&lt;/b&gt; La capa {0}, cabeza {1} pone &lt;b&gt;{2:.0%}&lt;/b&gt; en los signos de puntuación, que recibirían {3:.0%} si repartiera su peso por igual: sus celdas brillantes están en las columnas de las comas y los puntos.</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_interpret.py" line="165"/>
        <source>&lt;b&gt;3. Test the guess.&lt;/b&gt; In the Attention stage, set &lt;i&gt;Click a head to:&lt;/i&gt; to &lt;b&gt;switch it off or on&lt;/b&gt; and click the head: the &lt;b&gt;Before / after&lt;/b&gt; tab shows what the prediction loses without it. &lt;b&gt;Which heads matter here?&lt;/b&gt; switches off every head in turn and colours the grid by the change. A head with a clear pattern may matter little for this prediction, and a blurry one a lot.</source>
        <translation>&lt;b&gt;3. Pon a prueba la conjetura.&lt;/b&gt; En la etapa Atención, pon &lt;i&gt;Clic en una cabeza para:&lt;/i&gt; en &lt;b&gt;(des)activarla&lt;/b&gt; y haz clic en la cabeza: la pestaña &lt;b&gt;Antes / después&lt;/b&gt; muestra lo que pierde la predicción sin ella. &lt;b&gt;¿Qué cabezas importan aquí?&lt;/b&gt; desactiva cada cabeza por turno y colorea la cuadrícula según el cambio. Una cabeza con un patrón claro puede importar poco para esta predicción, y una difusa, mucho.</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_rows.py" line="23"/>
        <source>not recorded</source>
        <translation>no registrado</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_rows.py" line="24"/>
        <source>its folder</source>
        <translation>su carpeta</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_rows.py" line="29"/>
        <source>not published</source>
        <translation>no publicado</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_rows.py" line="32"/>
        <source> Our count of this shape: {0:,} parameters.</source>
        <translation> Nuestro recuento para esta forma: {0:,} parámetros.</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_rows.py" line="43"/>
        <source>training.json, with the run it started from</source>
        <translation>training.json, con la ejecución de la que partió</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_rows.py" line="46"/>
        <source>token embedding (tied: also the output head)</source>
        <translation>embedding de tokens (compartido: también la cabeza de salida)</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_rows.py" line="47"/>
        <source>{0} tokens × d_model {1}</source>
        <translation>{0} tokens × d_model {1}</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_rows.py" line="48"/>
        <source>positions</source>
        <translation>posiciones</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_rows.py" line="50"/>
        <source>{0}: no parameters</source>
        <translation>{0}: sin parámetros</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_rows.py" line="51"/>
        <source>attention, {0} blocks</source>
        <translation>atención, {0} bloques</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_rows.py" line="52"/>
        <source>W_Q, W_K, W_V, W_O with biases, and the layer norm before it</source>
        <translation>W_Q, W_K, W_V, W_O con sesgos, y la normalización de capa anterior</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_rows.py" line="53"/>
        <source>MLP, {0} blocks</source>
        <translation>MLP, {0} bloques</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_rows.py" line="54"/>
        <source>biases and the layer norm before it</source>
        <translation>sesgos y la normalización de capa anterior</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_rows.py" line="55"/>
        <source>final layer norm</source>
        <translation>normalización de capa final</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_rows.py" line="56"/>
        <source>parameters N</source>
        <translation>parámetros N</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_rows.py" line="56"/>
        <source>the sum; the tied head is counted once</source>
        <translation>la suma; la cabeza compartida se cuenta una vez</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_rows.py" line="57"/>
        <source>forward FLOPs per token</source>
        <translation>FLOPs hacia delante por token</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_rows.py" line="61"/>
        <source>tokens trained on D</source>
        <translation>tokens de entrenamiento D</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_rows.py" line="67"/>
        <source>{0:,.0f} tokens/s</source>
        <translation>{0:,.0f} tokens/s</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_rows.py" line="44"/>
        <source>training.json</source>
        <translation>training.json</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_rows.py" line="62"/>
        <source>training FLOPs 6·N·D</source>
        <translation>FLOPs de entrenamiento 6·N·D</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_rows.py" line="66"/>
        <source>time it took</source>
        <translation>tiempo que tardó</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_rows.py" line="69"/>
        <source>speed, measured here</source>
        <translation>velocidad, medida aquí</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_rows.py" line="69"/>
        <source>speed of its training run</source>
        <translation>velocidad de su ejecución de entrenamiento</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_rows.py" line="71"/>
        <source>6 × {0} × {1} tokens/s</source>
        <translation>6 × {0} × {1} tokens/s</translation>
    </message>
    <message>
        <location filename="../../app/explore/stage_view.py" line="25"/>
        <source>{0} on {1} · {2} tokens · traced in {3:.0f} ms</source>
        <translation>{0} en {1} · {2} tokens · trazado en {3:.0f} ms</translation>
    </message>
    <message>
        <location filename="../../app/explore/stage_view.py" line="28"/>
        <source> · longer than the context ({0} tokens): the window slides, the first {1:,} characters are out of sight</source>
        <translation> · más largo que el contexto ({0} tokens): la ventana se desliza y los primeros {1:,} caracteres quedan fuera de vista</translation>
    </message>
    <message>
        <location filename="../../app/explore/stage_view.py" line="138"/>
        <source>Loading the model…</source>
        <translation>Cargando el modelo…</translation>
    </message>
    <message>
        <location filename="../../app/explore/stage_view.py" line="146"/>
        <source>The shipped model is not installed yet</source>
        <translation>El modelo incluido aún no está instalado</translation>
    </message>
    <message>
        <location filename="../../app/explore/stage_view.py" line="146"/>
        <source>That model folder does not exist</source>
        <translation>Esa carpeta de modelo no existe</translation>
    </message>
    <message>
        <location filename="../../app/explore/stage_view.py" line="147"/>
        <source>LM Anatomy looked for a model in&lt;br&gt;&lt;code&gt;{0}&lt;/code&gt;&lt;br&gt;and found nothing there.&lt;br&gt;&lt;br&gt;Open a model folder (one with config.json, model.safetensors and tokenizer.json), for example one written by &lt;code&gt;lm-anatomy-train&lt;/code&gt;.</source>
        <translation>LM Anatomy buscó un modelo en&lt;br&gt;&lt;code&gt;{0}&lt;/code&gt;&lt;br&gt;y no encontró nada.&lt;br&gt;&lt;br&gt;Abre una carpeta de modelo (una con config.json, model.safetensors y tokenizer.json), por ejemplo una escrita por &lt;code&gt;lm-anatomy-train&lt;/code&gt;.</translation>
    </message>
    <message>
        <location filename="../../app/explore/stage_view.py" line="151"/>
        <source>This model could not be loaded</source>
        <translation>No se pudo cargar este modelo</translation>
    </message>
    <message>
        <location filename="../../app/explore/stage_view.py" line="168"/>
        <source>The {0} stage could not draw this prompt ({1}). The other stages still work.</source>
        <translation>La etapa {0} no pudo dibujar este prompt ({1}). Las demás etapas siguen funcionando.</translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="43"/>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="44"/>
        <source>Open model folder…</source>
        <translation>Abrir carpeta de modelo…</translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="45"/>
        <source>Open the shipped model</source>
        <translation>Abrir el modelo incluido</translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="48"/>
        <source>Open scenario…</source>
        <translation>Abrir escenario…</translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="49"/>
        <source>Save scenario…</source>
        <translation>Guardar escenario…</translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="50"/>
        <source>Leave scenario (unlock everything)</source>
        <translation>Salir del escenario (desbloquear todo)</translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="53"/>
        <source>Export stage as PNG…</source>
        <translation>Exportar etapa como PNG…</translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="54"/>
        <source>Export stage as SVG…</source>
        <translation>Exportar etapa como SVG…</translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="55"/>
        <source>Copy stage image</source>
        <translation>Copiar imagen de la etapa</translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="56"/>
        <source>Export trace (.npz)…</source>
        <translation>Exportar traza (.npz)…</translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="57"/>
        <source>Export table (CSV)…</source>
        <translation>Exportar tabla (CSV)…</translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="59"/>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="60"/>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="62"/>
        <source>{0} tab</source>
        <translation>Pestaña {0}</translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="70"/>
        <source>Presentation mode</source>
        <translation>Modo presentación</translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="71"/>
        <source>Dark theme</source>
        <translation>Tema oscuro</translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="73"/>
        <source>Cividis colour map</source>
        <translation>Mapa de color cividis</translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="84"/>
        <source>Zoom in</source>
        <translation>Acercar</translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="86"/>
        <source>Zoom out</source>
        <translation>Alejar</translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="87"/>
        <source>Actual size</source>
        <translation>Tamaño real</translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="88"/>
        <source>Show explanations</source>
        <translation>Mostrar explicaciones</translation>
    </message>
    <message>
        <location filename="../../app/i18n.py" line="131"/>
        <location filename="../../app/menus.py" line="90"/>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <location filename="../../app/i18n.py" line="132"/>
        <source>LM Anatomy will start in {0} next time. Restart now? Your prompt and settings are kept.</source>
        <translation>LM Anatomy se abrirá en {0} la próxima vez. ¿Reiniciar ahora? Se conservan tu prompt y tus ajustes.</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/ablation_controls.py" line="38"/>
        <source>look at it</source>
        <translation>verla</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/ablation_controls.py" line="39"/>
        <source>switch it off or on</source>
        <translation>(des)activarla</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/ablation_controls.py" line="40"/>
        <source>A switched-off head adds nothing to the residual stream: its output is zeroed before W_O. Every stage then shows the changed model.</source>
        <translation>Una cabeza desactivada no suma nada al flujo residual: su salida se pone a cero antes de W_O. Todas las etapas muestran entonces el modelo modificado.</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/ablation_controls.py" line="47"/>
        <source>Which heads matter here?</source>
        <translation>¿Qué cabezas importan aquí?</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/ablation_controls.py" line="48"/>
        <source>Switch each head off in turn and colour it by how much the top next token&apos;s probability falls</source>
        <translation>Desactivar cada cabeza por turno y colorearla según cuánto cae la probabilidad del siguiente token más probable</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/ablation_controls.py" line="52"/>
        <source>Stop</source>
        <translation>Detener</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/ablation_controls.py" line="56"/>
        <source>Click a head to:</source>
        <translation>Clic en una cabeza para:</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/ablation_controls.py" line="60"/>
        <source>colour the grid by it</source>
        <translation>colorear la cuadrícula por ella</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/ablation_controls.py" line="67"/>
        <location filename="../../app/menus.py" line="99"/>
        <source>Clear switched-off parts</source>
        <translation>Borrar las partes desactivadas</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/ablation_controls.py" line="82"/>
        <source>MLP on in layer:</source>
        <translation>MLP activo en la capa:</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/ablation_controls.py" line="120"/>
        <source>Untick to switch off the MLP of layer {0}: it then adds nothing to the residual stream</source>
        <translation>Desmarca para desactivar el MLP de la capa {0}: entonces no suma nada al flujo residual</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/ablation_controls.py" line="173"/>
        <source>Top next token “{0}” ({1:.1f}%): what it loses with each head off.</source>
        <translation>Siguiente token más probable «{0}» ({1:.1f} %): lo que pierde con cada cabeza desactivada.</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/ablation_controls.py" line="175"/>
        <source>Each tile: the percentage points the top token&apos;s probability falls when that head is switched off too. Yellow: the prediction leans on the head; blue: the head was arguing against it.</source>
        <translation>Cada casilla: los puntos porcentuales que cae la probabilidad del token más probable cuando además se desactiva esa cabeza. Amarillo: la predicción se apoya en la cabeza; azul: la cabeza iba en su contra.</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/ablation_controls.py" line="180"/>
        <source>Stopped after {0} of {1} layers.</source>
        <translation>Detenido tras {0} de {1} capas.</translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="100"/>
        <source>&amp;Decode</source>
        <translation>&amp;Decodificar</translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="101"/>
        <source>Step</source>
        <translation>Paso</translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="102"/>
        <source>Play</source>
        <translation>Reproducir</translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="103"/>
        <source>Undo step</source>
        <translation>Deshacer paso</translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="104"/>
        <source>Clear generated text</source>
        <translation>Borrar el texto generado</translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="105"/>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="106"/>
        <location filename="../../app/menus.py" line="170"/>
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <location filename="../../app/common/access_texts.py" line="29"/>
        <location filename="../../app/menus.py" line="107"/>
        <source>Guided tour</source>
        <translation>Visita guiada</translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="21"/>
        <source>Look inside the model, one stage at a time</source>
        <translation>Mirar dentro del modelo, etapa a etapa</translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="22"/>
        <source>Train a small model from scratch on a text</source>
        <translation>Entrenar desde cero un modelo pequeño con un texto</translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="24"/>
        <source>Teach a trained model to classify sentences, or to write like your text</source>
        <translation>Enseñar a un modelo entrenado a clasificar frases, o a escribir como tu texto</translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="67"/>
        <source>Next stage</source>
        <translation>Etapa siguiente</translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="68"/>
        <source>Previous stage</source>
        <translation>Etapa anterior</translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="75"/>
        <source>Text size</source>
        <translation>Tamaño del texto</translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="78"/>
        <source>Smaller</source>
        <translation>Más pequeño</translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="78"/>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="78"/>
        <source>Larger</source>
        <translation>Más grande</translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="79"/>
        <source>Largest</source>
        <translation>El más grande</translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="108"/>
        <source>Lessons</source>
        <translation>Lecciones</translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="111"/>
        <source>Worksheets…</source>
        <translation>Fichas de trabajo…</translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="112"/>
        <location filename="../../app/menus.py" line="155"/>
        <source>About LM Anatomy</source>
        <translation>Acerca de LM Anatomy</translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="150"/>
        <source>&lt;h3&gt;LM Anatomy {0}&lt;/h3&gt;&lt;p&gt;Look inside a small working transformer language model.&lt;/p&gt;&lt;p&gt;Type a prompt; every stage shows one traced forward pass of the real model. Each stage has a lesson beside it (View &amp;gt; Show explanations, Ctrl+L; Help &amp;gt; Lessons).&lt;/p&gt;</source>
        <translation>&lt;h3&gt;LM Anatomy {0}&lt;/h3&gt;&lt;p&gt;Mira dentro de un pequeño modelo de lenguaje transformer que funciona de verdad.&lt;/p&gt;&lt;p&gt;Escribe un prompt; cada etapa muestra una pasada hacia delante trazada del modelo real. Cada etapa tiene una lección al lado (Ver &amp;gt; Mostrar explicaciones, Ctrl+L; Ayuda &amp;gt; Lecciones).&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="160"/>
        <source>presentation mode (large fonts, thick lines)</source>
        <translation>modo presentación (letra grande, líneas gruesas)</translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="160"/>
        <source>zoom in / out</source>
        <translation>acercar / alejar</translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="161"/>
        <source>actual size</source>
        <translation>tamaño real</translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="161"/>
        <source>dark theme</source>
        <translation>tema oscuro</translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="162"/>
        <source>show or hide the explanations</source>
        <translation>mostrar u ocultar las explicaciones</translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="162"/>
        <source>step: append one token</source>
        <translation>paso: añadir un token</translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="163"/>
        <source>play / pause</source>
        <translation>reproducir / pausa</translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="163"/>
        <source>undo a step</source>
        <translation>deshacer un paso</translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="164"/>
        <source>open a model folder</source>
        <translation>abrir una carpeta de modelo</translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="164"/>
        <source>export the stage as PNG / SVG</source>
        <translation>exportar la etapa como PNG / SVG</translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="165"/>
        <source>copy the stage image</source>
        <translation>copiar la imagen de la etapa</translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="165"/>
        <source>guided tour (Esc leaves it)</source>
        <translation>visita guiada (Esc la cierra)</translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="166"/>
        <source>next / previous stage</source>
        <translation>etapa siguiente / anterior</translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="167"/>
        <source>the {0} tab</source>
        <translation>la pestaña {0}</translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="185"/>
        <source>Export as {0}</source>
        <translation>Exportar como {0}</translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="193"/>
        <source>Copied the stage image to the clipboard</source>
        <translation>Imagen de la etapa copiada al portapapeles</translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="198"/>
        <source>Nothing to export yet: type a prompt first.</source>
        <translation>Aún no hay nada que exportar: escribe antes un prompt.</translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="200"/>
        <source>Export trace</source>
        <translation>Exportar traza</translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="200"/>
        <source>NumPy archive (*.npz)</source>
        <translation>Archivo NumPy (*.npz)</translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="209"/>
        <source>This stage has no table to export (try Attention, Embeddings or Output).</source>
        <translation>Esta etapa no tiene ninguna tabla que exportar (prueba Atención, Embeddings o Salida).</translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="211"/>
        <source>Export {0}</source>
        <translation>Exportar {0}</translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="214"/>
        <source>Saved {0} to {1}</source>
        <translation>Guardado {0} en {1}</translation>
    </message>
    <message>
        <location filename="../../app/scenario.py" line="78"/>
        <source>Could not read {0}: {1}</source>
        <translation>No se pudo leer {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../app/scenario.py" line="80"/>
        <source>{0} is too large to be a scenario file.</source>
        <translation>{0} es demasiado grande para ser un archivo de escenario.</translation>
    </message>
    <message>
        <location filename="../../app/scenario.py" line="84"/>
        <source>{0} is not a scenario: it is not a JSON text file.</source>
        <translation>{0} no es un escenario: no es un archivo de texto JSON.</translation>
    </message>
    <message>
        <location filename="../../app/scenario.py" line="90"/>
        <source>This file is not an LM Anatomy scenario (it has no &quot;format&quot;: &quot;{0}&quot;).</source>
        <translation>Este archivo no es un escenario de LM Anatomy (no tiene &quot;format&quot;: &quot;{0}&quot;).</translation>
    </message>
    <message>
        <location filename="../../app/scenario.py" line="94"/>
        <source>This scenario has no valid version number.</source>
        <translation>Este escenario no tiene un número de versión válido.</translation>
    </message>
    <message>
        <location filename="../../app/scenario.py" line="96"/>
        <source>This scenario was made by a newer LM Anatomy (format version {0}; this one reads up to {1}). Update the app to open it.</source>
        <translation>Este escenario se hizo con un LM Anatomy más reciente (versión de formato {0}; esta lee hasta la {1}). Actualiza la aplicación para abrirlo.</translation>
    </message>
    <message>
        <location filename="../../app/scenario.py" line="101"/>
        <source>This scenario has settings this version does not know: {0}.</source>
        <translation>Este escenario tiene ajustes que esta versión no conoce: {0}.</translation>
    </message>
    <message>
        <location filename="../../app/scenario.py" line="110"/>
        <source>The scenario&apos;s &quot;{0}&quot; must be {1}.</source>
        <translation>El valor &quot;{0}&quot; del escenario debe ser {1}.</translation>
    </message>
    <message>
        <location filename="../../app/scenario.py" line="120"/>
        <location filename="../../app/training/labelled_table.py" line="51"/>
        <source>text</source>
        <translation>texto</translation>
    </message>
    <message>
        <location filename="../../app/scenario.py" line="122"/>
        <source>at most 20,000 characters</source>
        <translation>como mucho 20.000 caracteres</translation>
    </message>
    <message>
        <location filename="../../app/scenario.py" line="125"/>
        <source>a list of at most 512 token ids (whole numbers from 0)</source>
        <translation>una lista de como mucho 512 ids de token (números enteros desde 0)</translation>
    </message>
    <message>
        <location filename="../../app/scenario.py" line="127"/>
        <location filename="../../app/scenario.py" line="148"/>
        <source>one of {0}</source>
        <translation>uno de {0}</translation>
    </message>
    <message>
        <location filename="../../app/scenario.py" line="129"/>
        <source>a number from 0 to 2</source>
        <translation>un número de 0 a 2</translation>
    </message>
    <message>
        <location filename="../../app/scenario.py" line="131"/>
        <source>a whole number from 0 (0: no cut)</source>
        <translation>un número entero desde 0 (0: sin corte)</translation>
    </message>
    <message>
        <location filename="../../app/scenario.py" line="133"/>
        <source>a number above 0 and at most 1</source>
        <translation>un número mayor que 0 y como mucho 1</translation>
    </message>
    <message>
        <location filename="../../app/scenario.py" line="136"/>
        <source>a whole number from 0</source>
        <translation>un número entero desde 0</translation>
    </message>
    <message>
        <location filename="../../app/scenario.py" line="140"/>
        <source>a list of [layer, head] pairs of whole numbers</source>
        <translation>una lista de pares [capa, cabeza] de números enteros</translation>
    </message>
    <message>
        <location filename="../../app/scenario.py" line="142"/>
        <source>a list of layer numbers</source>
        <translation>una lista de números de capa</translation>
    </message>
    <message>
        <location filename="../../app/scenario.py" line="144"/>
        <source>&quot;light&quot; or &quot;dark&quot;</source>
        <translation>&quot;light&quot; o &quot;dark&quot;</translation>
    </message>
    <message>
        <location filename="../../app/scenario.py" line="146"/>
        <source>&quot;viridis&quot; or &quot;cividis&quot;</source>
        <translation>&quot;viridis&quot; o &quot;cividis&quot;</translation>
    </message>
    <message>
        <location filename="../../app/scenario.py" line="150"/>
        <source>true or false</source>
        <translation>true o false</translation>
    </message>
    <message>
        <location filename="../../app/scenario.py" line="152"/>
        <source>a number from 0.5 to 3</source>
        <translation>un número de 0,5 a 3</translation>
    </message>
    <message>
        <location filename="../../app/scenario.py" line="154"/>
        <source>a list of &quot;pretrain&quot; and &quot;finetune&quot;</source>
        <translation>una lista de &quot;pretrain&quot; y &quot;finetune&quot;</translation>
    </message>
    <message>
        <location filename="../../app/scenario.py" line="156"/>
        <source>a list of {0}</source>
        <translation>una lista de {0}</translation>
    </message>
    <message>
        <location filename="../../app/scenario_apply.py" line="24"/>
        <source>LM Anatomy scenario (*.lmscenario.json *.json)</source>
        <translation>Escenario de LM Anatomy (*.lmscenario.json *.json)</translation>
    </message>
    <message>
        <location filename="../../app/scenario_apply.py" line="70"/>
        <source>Save scenario</source>
        <translation>Guardar escenario</translation>
    </message>
    <message>
        <location filename="../../app/scenario_apply.py" line="77"/>
        <source>Could not save the scenario</source>
        <translation>No se pudo guardar el escenario</translation>
    </message>
    <message>
        <location filename="../../app/scenario_apply.py" line="79"/>
        <source>Saved the scenario to {0}</source>
        <translation>Escenario guardado en {0}</translation>
    </message>
    <message>
        <location filename="../../app/scenario_apply.py" line="84"/>
        <source>Open scenario</source>
        <translation>Abrir escenario</translation>
    </message>
    <message>
        <location filename="../../app/scenario_apply.py" line="90"/>
        <source>Could not open the scenario</source>
        <translation>No se pudo abrir el escenario</translation>
    </message>
    <message>
        <location filename="../../app/scenario_apply.py" line="131"/>
        <source>The scenario&apos;s generated tokens do not fit this model&apos;s vocabulary; only the prompt is shown.</source>
        <translation>Los tokens generados del escenario no caben en el vocabulario de este modelo; solo se muestra el prompt.</translation>
    </message>
    <message>
        <location filename="../../app/scenario_apply.py" line="160"/>
        <source>The scenario switches off parts this model does not have: {0}</source>
        <translation>El escenario desactiva partes que este modelo no tiene: {0}</translation>
    </message>
    <message>
        <location filename="../../app/scenario_apply.py" line="166"/>
        <source>Opened the scenario {0}</source>
        <translation>Escenario {0} abierto</translation>
    </message>
    <message>
        <location filename="../../app/scenario_apply.py" line="166"/>
        <source>Opened the scenario</source>
        <translation>Escenario abierto</translation>
    </message>
    <message>
        <location filename="../../app/scenario_apply.py" line="168"/>
        <source>Scenario “{0}”: some controls are locked (File ▸ Leave scenario)</source>
        <translation>Escenario «{0}»: algunos controles están bloqueados (Archivo ▸ Salir del escenario)</translation>
    </message>
    <message>
        <location filename="../../app/scenario_apply.py" line="169"/>
        <source>untitled</source>
        <translation>sin título</translation>
    </message>
    <message>
        <location filename="../../app/scenario_apply.py" line="173"/>
        <source>Scenario</source>
        <translation>Escenario</translation>
    </message>
    <message>
        <location filename="../../app/scenario_apply.py" line="214"/>
        <source>Left the scenario: every control and tab is back.</source>
        <translation>Has salido del escenario: vuelven todos los controles y pestañas.</translation>
    </message>
    <message>
        <location filename="../../app/tour.py" line="48"/>
        <source>&amp;Check answer</source>
        <translation>&amp;Comprobar respuesta</translation>
    </message>
    <message>
        <location filename="../../app/tour.py" line="49"/>
        <source>&amp;Back</source>
        <translation>&amp;Atrás</translation>
    </message>
    <message>
        <location filename="../../app/tour.py" line="49"/>
        <location filename="../../app/tour.py" line="90"/>
        <source>&amp;Next</source>
        <translation>&amp;Siguiente</translation>
    </message>
    <message>
        <location filename="../../app/tour.py" line="49"/>
        <source>E&amp;xit</source>
        <translation>Sa&amp;lir</translation>
    </message>
    <message>
        <location filename="../../app/tour.py" line="65"/>
        <source>Tour: step {0} of {1}</source>
        <translation>Visita: paso {0} de {1}</translation>
    </message>
    <message>
        <location filename="../../app/tour.py" line="68"/>
        <source>&lt;b&gt;Try this:&lt;/b&gt; {0}</source>
        <translation>&lt;b&gt;Prueba esto:&lt;/b&gt; {0}</translation>
    </message>
    <message>
        <location filename="../../app/tour.py" line="69"/>
        <source>&lt;b&gt;Check:&lt;/b&gt; {0}</source>
        <translation>&lt;b&gt;Comprueba:&lt;/b&gt; {0}</translation>
    </message>
    <message>
        <location filename="../../app/tour.py" line="90"/>
        <source>&amp;Finish</source>
        <translation>&amp;Finalizar</translation>
    </message>
    <message>
        <location filename="../../app/tour.py" line="164"/>
        <source>Choose an answer first.</source>
        <translation>Elige antes una respuesta.</translation>
    </message>
    <message>
        <location filename="../../app/tour.py" line="169"/>
        <source>Yes.</source>
        <translation>Sí.</translation>
    </message>
    <message>
        <location filename="../../app/tour.py" line="169"/>
        <source>Not quite.</source>
        <translation>No exactamente.</translation>
    </message>
    <message>
        <location filename="../../app/tour.py" line="281"/>
        <source>Welcome to LM Anatomy</source>
        <translation>Te damos la bienvenida a LM Anatomy</translation>
    </message>
    <message>
        <location filename="../../app/tour.py" line="282"/>
        <source>New here? A short guided tour walks through the model stage by stage, with one thing to try and one question at each stop. You can open it later from Help ▸ Guided tour.</source>
        <translation>¿Es tu primera vez? Una breve visita guiada recorre el modelo etapa a etapa, con algo que probar y una pregunta en cada parada. Puedes abrirla más tarde desde Ayuda ▸ Visita guiada.</translation>
    </message>
    <message>
        <location filename="../../app/tour.py" line="285"/>
        <source>Start the tour</source>
        <translation>Empezar la visita</translation>
    </message>
    <message>
        <location filename="../../app/tour.py" line="286"/>
        <location filename="../../app/training/pretrain_views.py" line="107"/>
        <source>Not now</source>
        <translation>Ahora no</translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="37"/>
        <source>The whole model at a glance</source>
        <translation>Todo el modelo de un vistazo</translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="38"/>
        <source>This diagram is the model you are about to explore, drawn from its real sizes: text becomes tokens, tokens become vectors, the vectors pass through a stack of identical blocks (attention, then an MLP, each adding to the residual stream), and the last vector is turned into a score for every token in the vocabulary.</source>
        <translation>Este diagrama es el modelo que vas a explorar, dibujado con sus tamaños reales: el texto se convierte en tokens, los tokens en vectores, los vectores atraviesan una pila de bloques idénticos (atención y luego un MLP, cada uno sumando al flujo residual) y el último vector se convierte en una puntuación para cada token del vocabulario.</translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="42"/>
        <source>Count the blocks, and read on the boxes how many numbers make up each token&apos;s vector.</source>
        <translation>Cuenta los bloques y lee en las cajas cuántos números forman el vector de cada token.</translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="43"/>
        <source>What does the model produce at the very end of one forward pass?</source>
        <translation>¿Qué produce el modelo al final de una pasada hacia delante?</translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="44"/>
        <source>A probability for every token in its vocabulary, for the next position</source>
        <translation>Una probabilidad para cada token de su vocabulario, para la siguiente posición</translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="45"/>
        <source>Right: one score (logit) per vocabulary token, turned into probabilities by softmax.</source>
        <translation>Correcto: una puntuación (logit) por token del vocabulario, convertida en probabilidades por el softmax.</translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="46"/>
        <source>The whole next sentence</source>
        <translation>Toda la frase siguiente</translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="47"/>
        <source>Not at once: one pass gives one next token&apos;s distribution; a sentence takes many passes.</source>
        <translation>No de una vez: una pasada da la distribución de un siguiente token; una frase requiere muchas pasadas.</translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="48"/>
        <source>A corrected version of the prompt</source>
        <translation>Una versión corregida del prompt</translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="49"/>
        <source>No: it only scores what could come next after the last token.</source>
        <translation>No: solo puntúa lo que podría venir después del último token.</translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="50"/>
        <source>Text is bytes</source>
        <translation>El texto son bytes</translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="51"/>
        <source>The model never sees letters. Here every character of the prompt is shown with the bytes UTF-8 stores it as: most English letters take one byte, accented letters two, an emoji four.</source>
        <translation>El modelo nunca ve letras. Aquí cada carácter del prompt se muestra con los bytes con que lo guarda UTF-8: la mayoría de las letras inglesas ocupan un byte, las letras con tilde dos y un emoji cuatro.</translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="53"/>
        <source>Type an accented letter (é) and an emoji into the prompt and find their bytes.</source>
        <translation>Escribe una letra con tilde (é) y un emoji en el prompt y encuentra sus bytes.</translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="54"/>
        <source>How many bytes does UTF-8 use for the letter é?</source>
        <translation>¿Cuántos bytes usa UTF-8 para la letra é?</translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="55"/>
        <source>1</source>
        <translation>1</translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="55"/>
        <source>1 byte covers only the 128 ASCII characters; é is not one of them.</source>
        <translation>1 byte solo alcanza para los 128 caracteres ASCII; é no es uno de ellos.</translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="56"/>
        <source>2</source>
        <translation>2</translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="56"/>
        <source>Right: é is U+00E9, stored as the two bytes C3 A9.</source>
        <translation>Correcto: é es U+00E9, guardado como los dos bytes C3 A9.</translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="57"/>
        <source>4</source>
        <translation>4</translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="57"/>
        <source>4 bytes are for characters beyond U+FFFF, such as most emoji.</source>
        <translation>4 bytes son para caracteres por encima de U+FFFF, como la mayoría de los emoji.</translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="59"/>
        <source>Tokens: the pieces the model reads</source>
        <translation>Tokens: los trozos que lee el modelo</translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="60"/>
        <source>The tokenizer cuts the text into pieces from a fixed vocabulary and gives each an id. Common words are one piece; rare words are split into several. The model only ever sees the ids.</source>
        <translation>El tokenizador corta el texto en trozos de un vocabulario fijo y da a cada uno un id. Las palabras comunes son un solo trozo; las raras se dividen en varios. El modelo solo ve los ids.</translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="62"/>
        <source>Type a long, rare word (e.g. &apos;incomprehensibilities&apos;) and count its pieces.</source>
        <translation>Escribe una palabra larga y rara (p. ej. &apos;incomprehensibilities&apos;) y cuenta sus trozos.</translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="63"/>
        <source>Can this byte-level tokenizer meet a piece of text it cannot encode at all?</source>
        <translation>¿Puede este tokenizador a nivel de bytes encontrarse con un texto que no pueda codificar en absoluto?</translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="64"/>
        <source>Yes, rare words become an &apos;unknown&apos; token</source>
        <translation>Sí, las palabras raras se convierten en un token «desconocido»</translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="65"/>
        <source>Not here: every byte is in the vocabulary, so the worst case is one token per byte.</source>
        <translation>Aquí no: todos los bytes están en el vocabulario, así que en el peor caso hay un token por byte.</translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="66"/>
        <source>No: any text falls back to single bytes</source>
        <translation>No: cualquier texto recurre a bytes sueltos</translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="67"/>
        <source>Right: byte-level BPE starts from all 256 bytes, so nothing is ever unknown.</source>
        <translation>Correcto: el BPE a nivel de bytes parte de los 256 bytes, así que nada es nunca desconocido.</translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="69"/>
        <source>Embeddings: a vector for every token</source>
        <translation>Embeddings: un vector para cada token</translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="70"/>
        <source>Each token id picks one learned vector (a row of the embedding matrix). The map squeezes those vectors onto two dimensions; tokens used in similar ways tend to end up near each other.</source>
        <translation>Cada id de token elige un vector aprendido (una fila de la matriz de embeddings). El mapa comprime esos vectores a dos dimensiones; los tokens que se usan de forma parecida suelen quedar cerca.</translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="72"/>
        <source>Click a token in the map and read its nearest neighbours in the table.</source>
        <translation>Haz clic en un token del mapa y lee sus vecinos más cercanos en la tabla.</translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="73"/>
        <source>Two random vectors of 192 numbers have a cosine similarity near 0. What does 0 mean?</source>
        <translation>Dos vectores aleatorios de 192 números tienen una similitud coseno cercana a 0. ¿Qué significa 0?</translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="74"/>
        <source>The two tokens are unrelated in meaning</source>
        <translation>Los dos tokens no tienen relación de significado</translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="75"/>
        <source>Too strong: cosine 0 only says the vectors are orthogonal; random vectors in many dimensions are nearly orthogonal anyway.</source>
        <translation>Demasiado fuerte: coseno 0 solo dice que los vectores son ortogonales; en muchas dimensiones, los vectores aleatorios son casi ortogonales de todos modos.</translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="77"/>
        <source>The vectors are orthogonal (at right angles)</source>
        <translation>Los vectores son ortogonales (forman ángulo recto)</translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="78"/>
        <source>Right: that is all the number says. Meaning has to be read from many such comparisons.</source>
        <translation>Correcto: eso es todo lo que dice el número. El significado hay que leerlo en muchas comparaciones así.</translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="79"/>
        <source>Positions: where each token stands</source>
        <translation>Posiciones: dónde está cada token</translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="80"/>
        <source>Attention by itself does not know the order of tokens, so a vector for each position is added to each token&apos;s vector. This stage shows those position vectors and how alike they are.</source>
        <translation>La atención por sí sola no conoce el orden de los tokens, así que al vector de cada token se le suma un vector de su posición. Esta etapa muestra esos vectores de posición y cuánto se parecen.</translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="82"/>
        <source>Look at the similarity of positions: how wide is the bright band around the diagonal?</source>
        <translation>Mira la similitud de las posiciones: ¿qué anchura tiene la banda brillante alrededor de la diagonal?</translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="83"/>
        <source>Why is the diagonal of the position-similarity map always at its brightest?</source>
        <translation>¿Por qué la diagonal del mapa de similitud de posiciones siempre es lo más brillante?</translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="84"/>
        <source>Every vector is most similar to itself</source>
        <translation>Todo vector se parece más que a nada a sí mismo</translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="85"/>
        <source>Right: the diagonal compares each position with itself, so it says nothing; the band&apos;s width around it is what the model learned.</source>
        <translation>Correcto: la diagonal compara cada posición consigo misma, así que no dice nada; lo que aprendió el modelo es la anchura de la banda a su alrededor.</translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="87"/>
        <source>The model learned that neighbours matter most</source>
        <translation>El modelo aprendió que los vecinos son lo que más importa</translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="88"/>
        <source>That is what the width of the band may show, not the diagonal itself.</source>
        <translation>Eso es lo que puede mostrar la anchura de la banda, no la diagonal en sí.</translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="89"/>
        <source>Attention: tokens look at each other</source>
        <translation>Atención: los tokens se miran entre sí</translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="90"/>
        <source>Every small square is one head of one layer. Row i shows where token i looks among the tokens before it; each row&apos;s weights sum to 1. The grey triangle is the causal mask: no token sees the future.</source>
        <translation>Cada cuadrado pequeño es una cabeza de una capa. La fila i muestra adónde mira el token i entre los tokens anteriores; los pesos de cada fila suman 1. El triángulo gris es la máscara causal: ningún token ve el futuro.</translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="93"/>
        <source>Click a few heads. Find one whose bright cells sit just left of the diagonal: it looks back one token.</source>
        <translation>Haz clic en algunas cabezas. Busca una cuyas celdas brillantes estén justo a la izquierda de la diagonal: mira un token atrás.</translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="95"/>
        <source>The scores q·k are divided by √d_head before the softmax. Why?</source>
        <translation>Las puntuaciones q·k se dividen por √d_head antes del softmax. ¿Por qué?</translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="96"/>
        <source>To keep the scores from growing with the vector width, so softmax does not saturate</source>
        <translation>Para que las puntuaciones no crezcan con el ancho del vector y el softmax no se sature</translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="97"/>
        <source>Right: a dot product of d numbers grows like √d; without the division softmax puts almost all weight on one token and its gradient nearly vanishes.</source>
        <translation>Correcto: un producto escalar de d números crece como √d; sin la división, el softmax pone casi todo el peso en un token y su gradiente casi desaparece.</translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="99"/>
        <source>To make every row sum to 1</source>
        <translation>Para que cada fila sume 1</translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="99"/>
        <source>That is the softmax&apos;s job, not the division&apos;s.</source>
        <translation>Eso lo hace el softmax, no la división.</translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="100"/>
        <source>To hide future tokens</source>
        <translation>Para ocultar los tokens futuros</translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="100"/>
        <source>That is the causal mask (−∞ before the softmax).</source>
        <translation>Eso es la máscara causal (−∞ antes del softmax).</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block.py" line="19"/>
        <location filename="../../app/tour_steps.py" line="102"/>
        <source>Inside a block</source>
        <translation>Dentro de un bloque</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block.py" line="28"/>
        <source>The block (layer) to look inside</source>
        <translation>El bloque (capa) por dentro</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block.py" line="29"/>
        <source>The attention head shown in step 2</source>
        <translation>La cabeza de atención que muestra el paso 2</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block.py" line="33"/>
        <source>Click a token (or use ← →) to follow it through the block</source>
        <translation>Haz clic en un token (o usa ← →) para seguirlo a través del bloque</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block.py" line="40"/>
        <source>Layer</source>
        <translation>Capa</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block.py" line="40"/>
        <source>Head</source>
        <translation>Cabeza</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block.py" line="58"/>
        <location filename="../../app/explore/panels/block.py" line="60"/>
        <source>{0} of {1}</source>
        <translation>{0} de {1}</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block.py" line="116"/>
        <source> · the last one, as you type</source>
        <translation> · el último, mientras escribes</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block.py" line="117"/>
        <source>#{0} “{1}” through block {2} of {3}{4}</source>
        <translation>#{0} «{1}» a través del bloque {2} de {3}{4}</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block.py" line="118"/>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="103"/>
        <source>One block, step by step, for one token: layer norm, each head&apos;s query, keys and values, the scaled scores, the weighted sum, W_O, the first residual add; then the MLP widens the vector, applies GELU, narrows it again, and adds it back.</source>
        <translation>Un bloque, paso a paso, para un token: la normalización de capa, la consulta, las claves y los valores de cada cabeza, las puntuaciones escaladas, la suma ponderada, W_O y la primera suma residual; después el MLP ensancha el vector, aplica GELU, lo vuelve a estrechar y lo suma de nuevo.</translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="106"/>
        <source>Change the layer and watch how much each block adds to the residual stream.</source>
        <translation>Cambia la capa y observa cuánto suma cada bloque al flujo residual.</translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="107"/>
        <source>Which part of a block holds most of its parameters?</source>
        <translation>¿Qué parte de un bloque tiene la mayoría de sus parámetros?</translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="108"/>
        <source>The attention heads</source>
        <translation>Las cabezas de atención</translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="109"/>
        <source>Attention holds about a third: 4·d² weights (queries, keys, values and W_O).</source>
        <translation>La atención tiene más o menos un tercio: 4·d² pesos (consultas, claves, valores y W_O).</translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="110"/>
        <source>The MLP</source>
        <translation>El MLP</translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="110"/>
        <source>Right: its two matrices of d × 4d hold 8·d², about two thirds.</source>
        <translation>Correcto: sus dos matrices de d × 4d suman 8·d², unos dos tercios.</translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="111"/>
        <source>The layer norms</source>
        <translation>Las normalizaciones de capa</translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="111"/>
        <source>They hold only 2·d numbers each: a scale and a shift.</source>
        <translation>Solo tienen 2·d números cada una: una escala y un desplazamiento.</translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="112"/>
        <source>Choosing the next token</source>
        <translation>Elegir el siguiente token</translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="113"/>
        <source>The bars are the model&apos;s probabilities for the next token. Temperature divides the logits before the softmax; top-k keeps the k likeliest; top-p keeps the smallest set whose probability adds up to at least p. Step appends one token and runs the model again.</source>
        <translation>Las barras son las probabilidades del modelo para el siguiente token. La temperatura divide los logits antes del softmax; top-k conserva los k más probables; top-p conserva el conjunto más pequeño cuya probabilidad suma al menos p. Paso añade un token y vuelve a ejecutar el modelo.</translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="116"/>
        <source>Press Step a few times; then set the temperature to 0 and step again.</source>
        <translation>Pulsa Paso varias veces; luego pon la temperatura a 0 y vuelve a dar un paso.</translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="117"/>
        <source>What does temperature 0 do?</source>
        <translation>¿Qué hace la temperatura 0?</translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="118"/>
        <source>Always picks the most likely token (greedy)</source>
        <translation>Elige siempre el token más probable (voraz)</translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="119"/>
        <source>Right: the same prompt then always gives the same continuation.</source>
        <translation>Correcto: entonces el mismo prompt da siempre la misma continuación.</translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="120"/>
        <source>Picks tokens uniformly at random</source>
        <translation>Elige tokens al azar de manera uniforme</translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="121"/>
        <source>That is the limit of a very high temperature, not 0.</source>
        <translation>Ese es el límite de una temperatura muy alta, no de 0.</translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="122"/>
        <source>Two ways to train: next token or fill the blank</source>
        <translation>Dos formas de entrenar: siguiente token o rellenar el hueco</translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="123"/>
        <source>GPT-style models are trained to predict the next token from the left only (the causal mask); BERT-style models hide about 15% of the tokens and guess them from both sides. Here a masked model and the causal model guess the same hidden token, side by side.</source>
        <translation>Los modelos de estilo GPT se entrenan para predecir el siguiente token leyendo solo a la izquierda (la máscara causal); los de estilo BERT ocultan alrededor del 15 % de los tokens y los adivinan desde ambos lados. Aquí un modelo enmascarado y el modelo causal adivinan el mismo token oculto, lado a lado.</translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="126"/>
        <source>Click a word in the middle of the prompt to hide it, and compare the two charts.</source>
        <translation>Haz clic en una palabra en medio del prompt para ocultarla y compara los dos gráficos.</translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="127"/>
        <source>Why can a masked model not write a story one token at a time?</source>
        <translation>¿Por qué un modelo enmascarado no puede escribir una historia token a token?</translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="128"/>
        <source>It was trained to read both sides of a blank; when writing, the right side does not exist yet</source>
        <translation>Se entrenó para leer ambos lados de un hueco; al escribir, el lado derecho todavía no existe</translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="130"/>
        <source>Right: generation needs a model that predicts from the left only, as it was trained to.</source>
        <translation>Correcto: generar requiere un modelo que prediga solo desde la izquierda, tal como se entrenó.</translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="131"/>
        <source>Its vocabulary has no words, only [MASK]</source>
        <translation>Su vocabulario no tiene palabras, solo [MASK]</translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="132"/>
        <source>No: it has the same vocabulary; [MASK] is one extra token that marks a blank.</source>
        <translation>No: tiene el mismo vocabulario; [MASK] es un token más que marca un hueco.</translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="133"/>
        <source>It is too small</source>
        <translation>Es demasiado pequeño</translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="134"/>
        <source>Size is not the reason: even a large masked model is not trained to continue text.</source>
        <translation>El tamaño no es la razón: ni siquiera un modelo enmascarado grande se entrena para continuar un texto.</translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="135"/>
        <source>Pre-training</source>
        <translation>Preentrenamiento</translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="136"/>
        <source>Here a model learns from scratch: it predicts every next token of a text, the loss measures how wrong it was, and each step moves the weights a little against the gradient (AdamW).</source>
        <translation>Aquí un modelo aprende desde cero: predice cada siguiente token de un texto, la pérdida mide cuánto se equivocó y cada paso mueve un poco los pesos en contra del gradiente (AdamW).</translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="138"/>
        <source>Start a run with the smallest model size and watch the loss curve fall in the first minute.</source>
        <translation>Empieza una ejecución con el modelo más pequeño y mira cómo cae la curva de pérdida en el primer minuto.</translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="139"/>
        <source>The gradient of the loss points in which direction?</source>
        <translation>¿Hacia dónde apunta el gradiente de la pérdida?</translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="140"/>
        <source>Uphill: where the loss grows fastest, so the step goes the other way</source>
        <translation>Cuesta arriba: hacia donde la pérdida crece más rápido, así que el paso va en sentido contrario</translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="141"/>
        <source>Right: gradient descent steps against the gradient.</source>
        <translation>Correcto: el descenso por gradiente da pasos en contra del gradiente.</translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="142"/>
        <source>Downhill, straight to the best weights</source>
        <translation>Cuesta abajo, directo a los mejores pesos</translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="143"/>
        <source>No: it points uphill, and only locally; the optimizer steps the opposite way.</source>
        <translation>No: apunta cuesta arriba, y solo localmente; el optimizador da el paso en sentido contrario.</translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="144"/>
        <source>Fine-tuning</source>
        <translation>Ajuste fino</translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="145"/>
        <source>Fine-tuning starts from a trained model and trains a little more on a task: a new head that labels sentences, or more text in one style. Examples held out from training show whether it generalises.</source>
        <translation>El ajuste fino parte de un modelo entrenado y lo entrena un poco más en una tarea: una nueva cabeza que etiqueta frases, o más texto de un estilo. Los ejemplos reservados del entrenamiento muestran si generaliza.</translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="148"/>
        <source>Start a short run on the bundled labelled examples and watch the held-out accuracy.</source>
        <translation>Empieza una ejecución corta con los ejemplos etiquetados incluidos y observa la exactitud en validación.</translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="149"/>
        <source>What are held-out examples watched during training called?</source>
        <translation>¿Cómo se llaman los ejemplos reservados que se observan durante el entrenamiento?</translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="150"/>
        <source>A validation set</source>
        <translation>Un conjunto de validación</translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="150"/>
        <source>Right: they are never trained on; they measure progress.</source>
        <translation>Correcto: nunca se entrena con ellos; miden el progreso.</translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="151"/>
        <source>The training set</source>
        <translation>El conjunto de entrenamiento</translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="151"/>
        <source>No: those are the examples the weights learn from.</source>
        <translation>No: esos son los ejemplos de los que aprenden los pesos.</translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="152"/>
        <source>What is hard about language models</source>
        <translation>Lo difícil de los modelos de lenguaje</translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="153"/>
        <source>Three challenges, live: the compute a model costs (training takes about 6·N·D operations), the biases it repeats from its training text, and how hard it is to say why it answered as it did.</source>
        <translation>Tres retos, en vivo: el cómputo que cuesta un modelo (entrenar requiere unas 6·N·D operaciones), los sesgos que repite de su texto de entrenamiento y lo difícil que es decir por qué respondió como respondió.</translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="156"/>
        <source>In Compute, slide N and D up to GPT-3&apos;s size and read how long this laptop would need.</source>
        <translation>En Cómputo, sube N y D hasta el tamaño de GPT-3 y lee cuánto tardaría este portátil.</translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="157"/>
        <source>A model trained on old plays prefers &apos;he&apos; after &apos;The doctor said that&apos;. What does that show?</source>
        <translation>Un modelo entrenado con obras de teatro antiguas prefiere &apos;he&apos; tras &apos;The doctor said that&apos;. ¿Qué muestra eso?</translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="158"/>
        <source>That doctors are men</source>
        <translation>Que los médicos son hombres</translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="159"/>
        <source>No: it shows a pattern of the text the model learned from, nothing about the world.</source>
        <translation>No: muestra un patrón del texto del que aprendió el modelo, nada sobre el mundo.</translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="160"/>
        <source>That the training text paired those words more often</source>
        <translation>Que el texto de entrenamiento emparejaba esas palabras más a menudo</translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="161"/>
        <source>Right: a model repeats the statistics of its data, biases included.</source>
        <translation>Correcto: un modelo repite la estadística de sus datos, sesgos incluidos.</translation>
    </message>
    <message>
        <location filename="../../app/common/access_texts.py" line="20"/>
        <source>A heatmap: each cell&apos;s colour is its value, read on the colour bar beside it</source>
        <translation>Un mapa de calor: el color de cada celda es su valor, leído en la barra de color de al lado</translation>
    </message>
    <message>
        <location filename="../../app/common/access_texts.py" line="23"/>
        <location filename="../../app/training/continued_form.py" line="57"/>
        <source>Prompt</source>
        <translation>Prompt</translation>
    </message>
    <message>
        <location filename="../../app/common/access_texts.py" line="23"/>
        <source>The text the model reads; every stage shows what the model does with it, updated as you type</source>
        <translation>El texto que lee el modelo; cada etapa muestra lo que el modelo hace con él, actualizada mientras escribes</translation>
    </message>
    <message>
        <location filename="../../app/common/access_texts.py" line="25"/>
        <source>Stages</source>
        <translation>Etapas</translation>
    </message>
    <message>
        <location filename="../../app/common/access_texts.py" line="25"/>
        <source>The model&apos;s stages in the order the data flows; choose one to show it (Ctrl+1 to Ctrl+9)</source>
        <translation>Las etapas del modelo en el orden en que fluyen los datos; elige una para verla (Ctrl+1 a Ctrl+9)</translation>
    </message>
    <message>
        <location filename="../../app/common/access_texts.py" line="27"/>
        <source>Lesson</source>
        <translation>Lección</translation>
    </message>
    <message>
        <location filename="../../app/common/access_texts.py" line="27"/>
        <source>What is on screen, explained, with something to try and a question</source>
        <translation>Lo que hay en pantalla, explicado, con algo que probar y una pregunta</translation>
    </message>
    <message>
        <location filename="../../app/common/access_texts.py" line="28"/>
        <source>The training step whose snapshot the explorer shows</source>
        <translation>El paso de entrenamiento cuya instantánea muestra el explorador</translation>
    </message>
    <message>
        <location filename="../../app/common/access_texts.py" line="29"/>
        <source>Dims the window except the part the tour&apos;s step talks about</source>
        <translation>Oscurece la ventana salvo la parte de la que habla el paso de la visita</translation>
    </message>
    <message>
        <location filename="../../app/common/access_texts.py" line="31"/>
        <source>The prompt by token</source>
        <translation>El prompt por tokens</translation>
    </message>
    <message>
        <location filename="../../app/common/access_texts.py" line="31"/>
        <source>The prompt&apos;s text with each token&apos;s characters on one background colour</source>
        <translation>El texto del prompt con los caracteres de cada token sobre un mismo color de fondo</translation>
    </message>
    <message>
        <location filename="../../app/common/access_texts.py" line="33"/>
        <source>Characters and bytes</source>
        <translation>Caracteres y bytes</translation>
    </message>
    <message>
        <location filename="../../app/common/access_texts.py" line="33"/>
        <source>One row per character of the prompt with its UTF-8 bytes</source>
        <translation>Una fila por carácter del prompt con sus bytes UTF-8</translation>
    </message>
    <message>
        <location filename="../../app/common/access_texts.py" line="35"/>
        <source>Tokens of the prompt</source>
        <translation>Tokens del texto</translation>
    </message>
    <message>
        <location filename="../../app/common/access_texts.py" line="36"/>
        <location filename="../../app/explore/panels/token_chips.py" line="42"/>
        <source>The arrow keys move between the tokens; Enter or Space opens the token&apos;s embedding.</source>
        <translation>Las flechas pasan de un token a otro; Intro o Espacio abre el embedding del token.</translation>
    </message>
    <message>
        <location filename="../../app/common/access_texts.py" line="37"/>
        <source>Merge step</source>
        <translation>Paso de fusión</translation>
    </message>
    <message>
        <location filename="../../app/common/access_texts.py" line="37"/>
        <source>Steps through the byte-pair merges that build the chosen word, from its raw bytes to its tokens</source>
        <translation>Recorre las fusiones de pares de bytes que construyen la palabra elegida, desde sus bytes en bruto hasta sus tokens</translation>
    </message>
    <message>
        <location filename="../../app/common/access_texts.py" line="39"/>
        <source>Map of all token embeddings</source>
        <translation>Mapa de todos los embeddings de tokens</translation>
    </message>
    <message>
        <location filename="../../app/common/access_texts.py" line="40"/>
        <source>Every token&apos;s embedding vector flattened to two dimensions; tokens the model uses alike lie close together. Click a point to choose its token, or highlight a token of your text with the arrow keys and press Enter; + and - zoom, 0 shows the whole map</source>
        <translation>El vector de embedding de cada token reducido a dos dimensiones; los tokens que el modelo usa de forma parecida quedan cerca. Haz clic en un punto para elegir su token, o resalta un token de tu texto con las flechas y pulsa Intro; + y - acercan y alejan, 0 muestra el mapa entero</translation>
    </message>
    <message>
        <location filename="../../app/common/access_texts.py" line="43"/>
        <source>The chosen token&apos;s embedding vector</source>
        <translation>El vector de embedding del token elegido</translation>
    </message>
    <message>
        <location filename="../../app/common/access_texts.py" line="44"/>
        <source>One cell per dimension of the chosen token&apos;s vector: blue negative, gold positive</source>
        <translation>Una celda por dimensión del vector del token elegido: azul negativo, dorado positivo</translation>
    </message>
    <message>
        <location filename="../../app/common/access_texts.py" line="45"/>
        <location filename="../../app/explore/panels/embeddings.py" line="61"/>
        <source>Nearest neighbours</source>
        <translation>Vecinos más cercanos</translation>
    </message>
    <message>
        <location filename="../../app/common/access_texts.py" line="46"/>
        <source>The tokens whose embedding vectors point most nearly the same way as the chosen token&apos;s</source>
        <translation>Los tokens cuyos vectores de embedding apuntan casi en la misma dirección que el del token elegido</translation>
    </message>
    <message>
        <location filename="../../app/common/access_texts.py" line="48"/>
        <source>Position vector of the chosen token</source>
        <translation>Vector de posición del token elegido</translation>
    </message>
    <message>
        <location filename="../../app/common/access_texts.py" line="49"/>
        <source>One cell per dimension of the vector added for the chosen token&apos;s position</source>
        <translation>Una celda por dimensión del vector que se suma por la posición del token elegido</translation>
    </message>
    <message>
        <location filename="../../app/common/access_texts.py" line="50"/>
        <source>The token whose position vector the strip shows</source>
        <translation>El token cuyo vector de posición muestra la franja</translation>
    </message>
    <message>
        <location filename="../../app/common/access_texts.py" line="51"/>
        <source>What the cells show</source>
        <translation>Qué muestran las celdas</translation>
    </message>
    <message>
        <location filename="../../app/common/access_texts.py" line="51"/>
        <source>Attention weights after softmax, or the scores before it (query · key / √d_head)</source>
        <translation>Pesos de atención después del softmax, o las puntuaciones antes de él (consulta · clave / √d_head)</translation>
    </message>
    <message>
        <location filename="../../app/common/access_texts.py" line="53"/>
        <source>Attention grid: every layer and head</source>
        <translation>Cuadrícula de atención: todas las capas y cabezas</translation>
    </message>
    <message>
        <location filename="../../app/common/access_texts.py" line="54"/>
        <source>One small heatmap per head, layers in rows and heads in columns; each shows the attention weights, rows the tokens looking, columns the tokens looked at. Arrow keys move the cursor; Enter or Space looks at that head, or in the switching mode switches it off or on</source>
        <translation>Un pequeño mapa de calor por cabeza, capas en filas y cabezas en columnas; cada uno muestra los pesos de atención, en filas los tokens que miran y en columnas los tokens mirados. Las flechas mueven el cursor; Intro o Espacio muestra esa cabeza o, en el modo de desactivar, la desactiva o la reactiva</translation>
    </message>
    <message>
        <location filename="../../app/common/access_texts.py" line="57"/>
        <source>Attention grid picture</source>
        <translation>Imagen de la cuadrícula de atención</translation>
    </message>
    <message>
        <location filename="../../app/common/access_texts.py" line="57"/>
        <source>The picture of the attention grid</source>
        <translation>La imagen de la cuadrícula de atención</translation>
    </message>
    <message>
        <location filename="../../app/common/access_texts.py" line="58"/>
        <source>Colour scale of the drop</source>
        <translation>Escala de color de la caída</translation>
    </message>
    <message>
        <location filename="../../app/common/access_texts.py" line="59"/>
        <source>How far the top token&apos;s probability falls, in percentage points, with a head switched off</source>
        <translation>Cuánto cae, en puntos porcentuales, la probabilidad del token más probable al desactivar una cabeza</translation>
    </message>
    <message>
        <location filename="../../app/common/access_texts.py" line="60"/>
        <source>Attention as lines</source>
        <translation>La atención como líneas</translation>
    </message>
    <message>
        <location filename="../../app/common/access_texts.py" line="61"/>
        <source>Each token on the left joined to the tokens on the right it attends to; thicker lines carry more weight</source>
        <translation>Cada token de la izquierda unido a los tokens de la derecha a los que atiende; las líneas más gruesas llevan más peso</translation>
    </message>
    <message>
        <location filename="../../app/common/access_texts.py" line="63"/>
        <source>What each layer would guess for the next token if the model stopped there</source>
        <translation>Lo que cada capa adivinaría como siguiente token si el modelo se detuviera ahí</translation>
    </message>
    <message>
        <location filename="../../app/common/access_texts.py" line="64"/>
        <source>Logit lens of the whole model</source>
        <translation>Lente de logits del modelo completo</translation>
    </message>
    <message>
        <location filename="../../app/common/access_texts.py" line="65"/>
        <source>Logit lens with parts switched off</source>
        <translation>Lente de logits con partes desactivadas</translation>
    </message>
    <message>
        <location filename="../../app/common/access_texts.py" line="66"/>
        <source>Next token before and after</source>
        <translation>Siguiente token antes y después</translation>
    </message>
    <message>
        <location filename="../../app/common/access_texts.py" line="67"/>
        <source>The most likely next tokens for the whole model beside the same tokens with the chosen parts switched off</source>
        <translation>Los siguientes tokens más probables del modelo completo junto a esos mismos tokens con las partes elegidas desactivadas</translation>
    </message>
    <message>
        <location filename="../../app/common/access_texts.py" line="69"/>
        <source>{section}: vectors</source>
        <translation>{section}: vectores</translation>
    </message>
    <message>
        <location filename="../../app/common/access_texts.py" line="70"/>
        <source>Vectors drawn as rows of cells, one cell per dimension, coloured by value</source>
        <translation>Vectores dibujados como filas de celdas, una celda por dimensión, coloreadas según su valor</translation>
    </message>
    <message>
        <location filename="../../app/common/access_texts.py" line="71"/>
        <source>{section}: table of cells</source>
        <translation>{section}: tabla de celdas</translation>
    </message>
    <message>
        <location filename="../../app/common/access_texts.py" line="71"/>
        <source>A matrix drawn as coloured cells, one row per token</source>
        <translation>Una matriz dibujada como celdas de color, una fila por token</translation>
    </message>
    <message>
        <location filename="../../app/common/access_texts.py" line="72"/>
        <source>A line about the token followed through the block; its name is the whole line</source>
        <translation>Una línea sobre el token seguido a través del bloque; su nombre es la línea entera</translation>
    </message>
    <message>
        <location filename="../../app/common/access_texts.py" line="73"/>
        <source>Token followed through the block</source>
        <translation>Token seguido a través del bloque</translation>
    </message>
    <message>
        <location filename="../../app/common/access_texts.py" line="74"/>
        <source>GELU curve with the neurons</source>
        <translation>Curva GELU con las neuronas</translation>
    </message>
    <message>
        <location filename="../../app/common/access_texts.py" line="75"/>
        <source>The GELU function with a dot for each of the token&apos;s MLP neurons: its input and its output</source>
        <translation>La función GELU con un punto por cada neurona del MLP del token: su entrada y su salida</translation>
    </message>
    <message>
        <location filename="../../app/common/access_texts.py" line="76"/>
        <source>The most active neurons</source>
        <translation>Las neuronas más activas</translation>
    </message>
    <message>
        <location filename="../../app/common/access_texts.py" line="76"/>
        <source>The neurons with the largest outputs for this token</source>
        <translation>Las neuronas con las salidas más grandes para este token</translation>
    </message>
    <message>
        <location filename="../../app/common/access_texts.py" line="77"/>
        <source>The vector through the layers</source>
        <translation>El vector a través de las capas</translation>
    </message>
    <message>
        <location filename="../../app/common/access_texts.py" line="78"/>
        <source>How the token&apos;s residual-stream vector changes from layer to layer</source>
        <translation>Cómo cambia de capa en capa el vector del flujo residual del token</translation>
    </message>
    <message>
        <location filename="../../app/common/access_texts.py" line="79"/>
        <source>Next-token candidates</source>
        <translation>Candidatos a siguiente token</translation>
    </message>
    <message>
        <location filename="../../app/common/access_texts.py" line="80"/>
        <source>The most likely next tokens as bars: filled after temperature, top-k and top-p, dashed the model&apos;s own probability, hatched when cut. Up and Down choose a bar; Enter forces that token</source>
        <translation>Los siguientes tokens más probables como barras: rellenas tras la temperatura, top-k y top-p, discontinuas la probabilidad del propio modelo, rayadas si se descartan. Arriba y Abajo eligen una barra; Intro fuerza ese token</translation>
    </message>
    <message>
        <location filename="../../app/common/access_texts.py" line="82"/>
        <source>Decoding history</source>
        <translation>Historial de decodificación</translation>
    </message>
    <message>
        <location filename="../../app/common/access_texts.py" line="83"/>
        <source>Each generated token with its probability under the model, its rank and how it was chosen</source>
        <translation>Cada token generado con su probabilidad según el modelo, su rango y cómo se eligió</translation>
    </message>
    <message>
        <location filename="../../app/common/access_texts.py" line="84"/>
        <source>Play speed</source>
        <translation>Velocidad de reproducción</translation>
    </message>
    <message>
        <location filename="../../app/common/access_texts.py" line="84"/>
        <source>Tokens a second while Play runs</source>
        <translation>Tokens por segundo mientras se reproduce</translation>
    </message>
    <message>
        <location filename="../../app/common/access_texts.py" line="85"/>
        <source>Blank shown</source>
        <translation>Hueco mostrado</translation>
    </message>
    <message>
        <location filename="../../app/common/access_texts.py" line="85"/>
        <source>Which hidden token the bars show the guesses for</source>
        <translation>Para qué token oculto muestran las barras las conjeturas</translation>
    </message>
    <message>
        <location filename="../../app/common/access_texts.py" line="86"/>
        <source>Guesses for the blank</source>
        <translation>Conjeturas para el hueco</translation>
    </message>
    <message>
        <location filename="../../app/common/access_texts.py" line="87"/>
        <source>The masked model&apos;s guesses, read from both sides, and the causal model&apos;s, read from the left only</source>
        <translation>Las conjeturas del modelo enmascarado, leídas desde ambos lados, y las del modelo causal, leídas solo desde la izquierda</translation>
    </message>
    <message>
        <location filename="../../app/common/access_texts.py" line="88"/>
        <source>Model architecture</source>
        <translation>Arquitectura del modelo</translation>
    </message>
    <message>
        <location filename="../../app/common/access_texts.py" line="89"/>
        <source>This model&apos;s parts drawn from its configuration, with parameter counts. Click a part, or choose it with the arrow keys and press Enter, to open its stage</source>
        <translation>Las partes de este modelo dibujadas a partir de su configuración, con el número de parámetros. Haz clic en una parte, o elígela con las flechas y pulsa Intro, para abrir su etapa</translation>
    </message>
    <message>
        <location filename="../../app/common/access_texts.py" line="91"/>
        <source>Open the head found</source>
        <translation>Abrir la cabeza encontrada</translation>
    </message>
    <message>
        <location filename="../../app/common/access_texts.py" line="91"/>
        <source>Opens the Attention stage on the head this step found</source>
        <translation>Abre la etapa Atención en la cabeza que encontró este paso</translation>
    </message>
    <message>
        <location filename="../../app/common/access_texts.py" line="93"/>
        <source>Probe results</source>
        <translation>Resultados de la sonda</translation>
    </message>
    <message>
        <location filename="../../app/common/access_texts.py" line="93"/>
        <source>For each filled-in prompt, the probability of each target word as the next token</source>
        <translation>Para cada prompt completado, la probabilidad de cada palabra objetivo como siguiente token</translation>
    </message>
    <message>
        <location filename="../../app/common/access_texts.py" line="95"/>
        <source>Probe table</source>
        <translation>Tabla de la sonda</translation>
    </message>
    <message>
        <location filename="../../app/common/access_texts.py" line="95"/>
        <source>The probabilities behind the chart, one row per prompt</source>
        <translation>Las probabilidades detrás del gráfico, una fila por prompt</translation>
    </message>
    <message>
        <location filename="../../app/common/access_texts.py" line="96"/>
        <source>This model&apos;s parameters, training tokens and compute</source>
        <translation>Los parámetros, tokens de entrenamiento y cómputo de este modelo</translation>
    </message>
    <message>
        <location filename="../../app/common/access_texts.py" line="97"/>
        <source>Published models; click a row to put it on the sliders</source>
        <translation>Modelos publicados; haz clic en una fila para ponerla en los deslizadores</translation>
    </message>
    <message>
        <location filename="../../app/common/access_texts.py" line="99"/>
        <source>{section}: next-token probabilities</source>
        <translation>{section}: probabilidades del siguiente token</translation>
    </message>
    <message>
        <location filename="../../app/common/access_texts.py" line="100"/>
        <source>The model&apos;s next-token probabilities for the prompt</source>
        <translation>Las probabilidades del siguiente token del modelo para el prompt</translation>
    </message>
    <message>
        <location filename="../../app/common/access_texts.py" line="101"/>
        <source>Worksheet preview</source>
        <translation>Vista previa de la ficha</translation>
    </message>
    <message>
        <location filename="../../app/common/access_texts.py" line="101"/>
        <source>The chosen worksheet as it will be printed</source>
        <translation>La ficha elegida tal como se imprimirá</translation>
    </message>
    <message>
        <location filename="../../app/common/access_texts.py" line="102"/>
        <location filename="../../app/common/access_texts.py" line="110"/>
        <location filename="../../app/training/pretrain.py" line="67"/>
        <source>Samples</source>
        <translation>Muestras</translation>
    </message>
    <message>
        <location filename="../../app/common/access_texts.py" line="102"/>
        <source>What the model writes from the sample prompt every few steps</source>
        <translation>Lo que escribe el modelo a partir del prompt de muestra cada pocos pasos</translation>
    </message>
    <message>
        <location filename="../../app/common/access_texts.py" line="110"/>
        <source>What the model writes every few steps</source>
        <translation>Lo que escribe el modelo cada pocos pasos</translation>
    </message>
    <message>
        <location filename="../../app/common/access_texts.py" line="111"/>
        <location filename="../../app/training/pretrain.py" line="68"/>
        <source>Checkpoints</source>
        <translation>Puntos de control</translation>
    </message>
    <message>
        <location filename="../../app/common/access_texts.py" line="111"/>
        <source>The saved checkpoints of this run, to open in the explorer</source>
        <translation>Los puntos de control guardados de esta ejecución, para abrirlos en el explorador</translation>
    </message>
    <message>
        <location filename="../../app/common/access_texts.py" line="112"/>
        <location filename="../../app/training/pretrain.py" line="71"/>
        <source>Past runs</source>
        <translation>Ejecuciones anteriores</translation>
    </message>
    <message>
        <location filename="../../app/common/access_texts.py" line="112"/>
        <source>Earlier runs: show, resume or delete them</source>
        <translation>Ejecuciones anteriores: mostrarlas, reanudarlas o borrarlas</translation>
    </message>
    <message>
        <location filename="../../app/common/access_texts.py" line="113"/>
        <location filename="../../app/training/area.py" line="48"/>
        <source>Classify sentences (sentiment)</source>
        <translation>Clasificar frases (sentimiento)</translation>
    </message>
    <message>
        <location filename="../../app/common/access_texts.py" line="113"/>
        <source>Teach a trained model to label sentences</source>
        <translation>Enseñar a un modelo entrenado a etiquetar frases</translation>
    </message>
    <message>
        <location filename="../../app/common/access_texts.py" line="114"/>
        <location filename="../../app/training/area.py" line="49"/>
        <source>Continue training on your own text</source>
        <translation>Seguir entrenando con tu propio texto</translation>
    </message>
    <message>
        <location filename="../../app/common/access_texts.py" line="114"/>
        <source>Train a model further so that it writes like your text</source>
        <translation>Entrenar más un modelo para que escriba como tu texto</translation>
    </message>
    <message>
        <location filename="../../app/common/access_texts.py" line="115"/>
        <location filename="../../app/explore/panels/attention.py" line="51"/>
        <source>Heatmap</source>
        <translation>Mapa de calor</translation>
    </message>
    <message>
        <location filename="../../app/common/access_texts.py" line="115"/>
        <source>The selected head&apos;s attention weights as a heatmap</source>
        <translation>Los pesos de atención de la cabeza seleccionada como mapa de calor</translation>
    </message>
    <message>
        <location filename="../../app/common/access_texts.py" line="116"/>
        <location filename="../../app/explore/panels/attention.py" line="52"/>
        <source>Lines</source>
        <translation>Líneas</translation>
    </message>
    <message>
        <location filename="../../app/common/access_texts.py" line="116"/>
        <source>The selected head&apos;s attention weights as lines between tokens</source>
        <translation>Los pesos de atención de la cabeza seleccionada como líneas entre tokens</translation>
    </message>
    <message>
        <location filename="../../app/common/access_texts.py" line="117"/>
        <location filename="../../app/explore/panels/attention.py" line="54"/>
        <source>Before / after</source>
        <translation>Antes / después</translation>
    </message>
    <message>
        <location filename="../../app/common/access_texts.py" line="117"/>
        <source>The next token and the logit lens with and without the switched-off parts</source>
        <translation>El siguiente token y la lente de logits con y sin las partes desactivadas</translation>
    </message>
    <message>
        <location filename="../../app/common/access_texts.py" line="118"/>
        <location filename="../../app/explore/panels/challenges.py" line="70"/>
        <source>Compute</source>
        <translation>Cómputo</translation>
    </message>
    <message>
        <location filename="../../app/common/access_texts.py" line="118"/>
        <source>How much computation training a model takes</source>
        <translation>Cuánto cálculo cuesta entrenar un modelo</translation>
    </message>
    <message>
        <location filename="../../app/common/access_texts.py" line="119"/>
        <location filename="../../app/explore/panels/challenges.py" line="71"/>
        <source>Bias</source>
        <translation>Sesgo</translation>
    </message>
    <message>
        <location filename="../../app/common/access_texts.py" line="119"/>
        <source>Probe the model for differences between words in one slot</source>
        <translation>Sondear el modelo en busca de diferencias entre palabras en un mismo hueco</translation>
    </message>
    <message>
        <location filename="../../app/common/access_texts.py" line="120"/>
        <location filename="../../app/explore/panels/challenges.py" line="72"/>
        <source>Interpretability</source>
        <translation>Interpretabilidad</translation>
    </message>
    <message>
        <location filename="../../app/training/area.py" line="58"/>
        <source>Pre-train (a run can be resumed)</source>
        <translation>Preentrenar (se puede reanudar una ejecución)</translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="22"/>
        <location filename="../../app/training/area.py" line="58"/>
        <source>Pre-train</source>
        <translation>Preentrenar</translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="23"/>
        <location filename="../../app/training/area.py" line="59"/>
        <source>Fine-tune</source>
        <translation>Ajuste fino</translation>
    </message>
    <message>
        <location filename="../../app/training/area.py" line="23"/>
        <source>Pre-training: a checkpoint is saved first, and next time LM Anatomy offers to resume the run from there.</source>
        <translation>Preentrenamiento: primero se guarda un punto de control, y la próxima vez LM Anatomy ofrece reanudar la ejecución desde ahí.</translation>
    </message>
    <message>
        <location filename="../../app/training/area.py" line="25"/>
        <source>Classification fine-tune: it stops at the current step and what it has learned so far is saved as a run (curves, confusion matrix and classifier), which you can reopen under Fine-tune. A fine-tune cannot be resumed: the remaining steps are not trained.</source>
        <translation>Ajuste fino de clasificación: se detiene en el paso actual y lo aprendido hasta ahora se guarda como una ejecución (curvas, matriz de confusión y clasificador), que puedes volver a abrir en Ajuste fino. Un ajuste fino no se puede reanudar: los pasos que faltan no se entrenan.</translation>
    </message>
    <message>
        <location filename="../../app/training/area.py" line="28"/>
        <source>Training on your text: the model trained so far is saved and offered as a base model under Fine-tune. It cannot be resumed: the remaining steps are not trained.</source>
        <translation>Entrenamiento con tu texto: el modelo entrenado hasta ahora se guarda y se ofrece como modelo base en Ajuste fino. No se puede reanudar: los pasos que faltan no se entrenan.</translation>
    </message>
    <message>
        <location filename="../../app/training/area.py" line="77"/>
        <source>A training run is still going.</source>
        <translation>Hay una ejecución de entrenamiento en marcha.</translation>
    </message>
    <message>
        <location filename="../../app/training/area.py" line="78"/>
        <source>{0} training runs are still going.</source>
        <translation>Hay {0} ejecuciones de entrenamiento en marcha.</translation>
    </message>
    <message>
        <location filename="../../app/training/area.py" line="79"/>
        <source>Stop and close?</source>
        <translation>¿Detener y cerrar?</translation>
    </message>
    <message>
        <location filename="../../app/training/area.py" line="85"/>
        <source>Training is running</source>
        <translation>Hay un entrenamiento en marcha</translation>
    </message>
    <message>
        <location filename="../../app/common/figures.py" line="57"/>
        <location filename="../../app/window.py" line="42"/>
        <source>LM Anatomy</source>
        <translation>LM Anatomy</translation>
    </message>
    <message>
        <location filename="../../app/window.py" line="56"/>
        <source>Empty prompt: type something to see the model at work.</source>
        <translation>Prompt vacío: escribe algo para ver el modelo en acción.</translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="21"/>
        <location filename="../../app/window.py" line="119"/>
        <source>Explore</source>
        <translation>Explorar</translation>
    </message>
    <message>
        <location filename="../../app/window.py" line="162"/>
        <source>Loading {0} …</source>
        <translation>Cargando {0} …</translation>
    </message>
    <message>
        <location filename="../../app/window.py" line="165"/>
        <source>LM Anatomy — {0} ({1})</source>
        <translation>LM Anatomy — {0} ({1})</translation>
    </message>
    <message>
        <location filename="../../app/window.py" line="178"/>
        <source>This model loaded with a warning</source>
        <translation>Este modelo se cargó con una advertencia</translation>
    </message>
    <message>
        <location filename="../../app/window.py" line="184"/>
        <source>Could not open that model; still showing {0}. {1}</source>
        <translation>No se pudo abrir ese modelo; se sigue mostrando {0}. {1}</translation>
    </message>
    <message>
        <location filename="../../app/window.py" line="186"/>
        <source>Could not open the model</source>
        <translation>No se pudo abrir el modelo</translation>
    </message>
    <message>
        <location filename="../../app/window.py" line="204"/>
        <source>The prompt box holds at most {0:,} characters, so the last {1:,} were left out. The model reads only the end of a long prompt anyway (its context window).</source>
        <translation>El cuadro del prompt admite como mucho {0:,} caracteres, así que se dejaron fuera los últimos {1:,}. De todos modos, el modelo solo lee el final de un prompt largo (su ventana de contexto).</translation>
    </message>
    <message>
        <location filename="../../app/window.py" line="246"/>
        <source>Nothing to show for this text: {0}</source>
        <translation>No hay nada que mostrar para este texto: {0}</translation>
    </message>
    <message>
        <location filename="../../app/worksheets.py" line="39"/>
        <source>Answer key</source>
        <translation>Soluciones</translation>
    </message>
    <message>
        <location filename="../../app/worksheets.py" line="156"/>
        <source>Worksheets</source>
        <translation>Fichas de trabajo</translation>
    </message>
    <message>
        <location filename="../../app/worksheets.py" line="163"/>
        <source>Include the answer key</source>
        <translation>Incluir las soluciones</translation>
    </message>
    <message>
        <location filename="../../app/worksheets.py" line="164"/>
        <source>Show the answers and add them to the print and the PDF, on their own page</source>
        <translation>Mostrar las soluciones y añadirlas a la impresión y al PDF, en una página aparte</translation>
    </message>
    <message>
        <location filename="../../app/worksheets.py" line="169"/>
        <source>Print…</source>
        <translation>Imprimir…</translation>
    </message>
    <message>
        <location filename="../../app/worksheets.py" line="169"/>
        <source>Save as PDF…</source>
        <translation>Guardar como PDF…</translation>
    </message>
    <message>
        <location filename="../../app/worksheets.py" line="170"/>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <location filename="../../app/worksheets.py" line="175"/>
        <source>Worksheet:</source>
        <translation>Ficha:</translation>
    </message>
    <message>
        <location filename="../../app/worksheets.py" line="198"/>
        <source>&lt;p&gt;No worksheets were found in {0}.&lt;/p&gt;</source>
        <translation>&lt;p&gt;No se encontró ninguna ficha de trabajo en {0}.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/worksheets.py" line="208"/>
        <source>Print worksheet</source>
        <translation>Imprimir ficha</translation>
    </message>
    <message>
        <location filename="../../app/worksheets.py" line="216"/>
        <source>Save worksheet as PDF</source>
        <translation>Guardar ficha como PDF</translation>
    </message>
    <message>
        <location filename="../../app/worksheets.py" line="217"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../app/worksheets.py" line="222"/>
        <source>&lt;p&gt;&lt;b&gt;Could not save {0}:&lt;/b&gt; {1}&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;No se pudo guardar {0}:&lt;/b&gt; {1}&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/common/access.py" line="54"/>
        <source>Picture</source>
        <translation>Imagen</translation>
    </message>
    <message>
        <location filename="../../app/common/access.py" line="182"/>
        <source>Tabs: {0}</source>
        <translation>Pestañas: {0}</translation>
    </message>
    <message>
        <location filename="../../app/common/access.py" line="194"/>
        <source>{0} against {1}</source>
        <translation>{0} frente a {1}</translation>
    </message>
    <message>
        <location filename="../../app/common/access.py" line="207"/>
        <source>{0} in {1}</source>
        <translation>{0} en {1}</translation>
    </message>
    <message>
        <location filename="../../app/explore/engine.py" line="154"/>
        <location filename="../../app/explore/engine.py" line="200"/>
        <location filename="../../app/explore/engine.py" line="213"/>
        <source>no model is loaded</source>
        <translation>no hay ningún modelo cargado</translation>
    </message>
    <message>
        <location filename="../../app/explore/engine.py" line="224"/>
        <source>The switched-off parts belong to another model ({0}). Clear them and switch off parts of this one.</source>
        <translation>Las partes desactivadas pertenecen a otro modelo ({0}). Bórralas y desactiva partes de este.</translation>
    </message>
    <message>
        <location filename="../../app/explore/fill_blank.py" line="110"/>
        <source>The fill-in-blanks model could not be opened: {0}</source>
        <translation>No se pudo abrir el modelo de rellenar huecos: {0}</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/attention.py" line="33"/>
        <source>Attention</source>
        <translation>Atención</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/attention.py" line="41"/>
        <source>weights (after softmax)</source>
        <translation>pesos (después del softmax)</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/attention.py" line="41"/>
        <source>scores (before softmax)</source>
        <translation>puntuaciones (antes del softmax)</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/attention.py" line="42"/>
        <source>average over heads</source>
        <translation>media de cabezas</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/attention.py" line="64"/>
        <source>Every layer × head</source>
        <translation>Todas las capas × cabezas</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/attention.py" line="73"/>
        <location filename="../../app/explore/panels/attention.py" line="173"/>
        <source>Logit lens: what each layer would guess for the next token</source>
        <translation>Lente de logits: lo que cada capa adivinaría como siguiente token</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/attention.py" line="158"/>
        <source>scores q·k/√d before softmax</source>
        <translation>puntuaciones q·k/√d antes del softmax</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/attention.py" line="158"/>
        <source>attention weights (each row sums to 1)</source>
        <translation>pesos de atención (cada fila suma 1)</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/attention.py" line="160"/>
        <source>layer {0}, {1}: {2}</source>
        <translation>capa {0}, {1}: {2}</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/attention.py" line="166"/>
        <source>Each row is a token looking back at the tokens before it (itself included). Grey cells above the diagonal are hidden by the causal mask: a token never sees the future.</source>
        <translation>Cada fila es un token que mira hacia atrás, a los tokens anteriores (incluido él mismo). Las celdas grises por encima de la diagonal las oculta la máscara causal: un token nunca ve el futuro.</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/attention.py" line="168"/>
        <source>Each row is a token looking at every token, before and after it: this model fills in blanks (a masked language model), so it has no causal mask and the whole square is coloured.</source>
        <translation>Cada fila es un token que mira a todos los tokens, antes y después de él: este modelo rellena huecos (un modelo de lenguaje enmascarado), así que no tiene máscara causal y todo el cuadrado está coloreado.</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/attention.py" line="170"/>
        <source>Scores are shown per head on their own scale in the grid.</source>
        <translation>En la cuadrícula, las puntuaciones de cada cabeza se muestran en su propia escala.</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/attention.py" line="174"/>
        <source>Logit lens: what each layer would guess for the token at the last position (a masked model fills in its own position, not the next one)</source>
        <translation>Lente de logits: lo que cada capa adivinaría para el token de la última posición (un modelo enmascarado rellena su propia posición, no la siguiente)</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/attention.py" line="181"/>
        <source>attention grid</source>
        <translation>cuadrícula de atención</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/attention.py" line="181"/>
        <source>attention heatmap</source>
        <translation>mapa de calor de atención</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/attention.py" line="182"/>
        <source>attention lines</source>
        <translation>líneas de atención</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/attention.py" line="182"/>
        <source>before and after</source>
        <translation>antes y después</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block_charts.py" line="104"/>
        <source>neuron: in → out</source>
        <translation>neurona: entrada → salida</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block_charts.py" line="169"/>
        <source>in</source>
        <translation>entrada</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block_charts.py" line="169"/>
        <source>L{0}</source>
        <translation>C{0}</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block_charts.py" line="181"/>
        <source>‖residual stream‖ after the block</source>
        <translation>‖flujo residual‖ tras el bloque</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block_charts.py" line="182"/>
        <source>‖attention added‖</source>
        <translation>‖lo que suma la atención‖</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block_charts.py" line="182"/>
        <source>‖MLP added‖</source>
        <translation>‖lo que suma el MLP‖</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block_charts.py" line="203"/>
        <source>layer {0}: attention added {1:.2f}, MLP added {2:.2f}; residual stream {3:.2f} → {4:.2f}</source>
        <translation>capa {0}: la atención suma {1:.2f}, el MLP suma {2:.2f}; flujo residual {3:.2f} → {4:.2f}</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block_draw.py" line="149"/>
        <source>{0}: dimension {1} = {2}</source>
        <translation>{0}: dimensión {1} = {2}</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block_draw.py" line="281"/>
        <source>row {0}</source>
        <translation>fila {0}</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block_draw.py" line="282"/>
        <source>dimension {0}</source>
        <translation>dimensión {0}</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block_draw.py" line="285"/>
        <source>−∞ (masked)</source>
        <translation>−∞ (enmascarado)</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/bpe_merges.py" line="17"/>
        <source>{0} piece</source>
        <translation>{0} pieza</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/bpe_merges.py" line="18"/>
        <source>{0} pieces</source>
        <translation>{0} piezas</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/bpe_merges.py" line="39"/>
        <source>Word:</source>
        <translation>Palabra:</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/bpe_merges.py" line="41"/>
        <source>raw bytes</source>
        <translation>bytes en bruto</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/bpe_merges.py" line="43"/>
        <source>final tokens</source>
        <translation>tokens finales</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/bpe_merges.py" line="74"/>
        <source>Preparing a byte-level BPE tokenizer…</source>
        <translation>Preparando un tokenizador BPE a nivel de bytes…</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/bpe_merges.py" line="75"/>
        <source>Type a word above to see how BPE builds it.</source>
        <translation>Escribe una palabra arriba para ver cómo la construye BPE.</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/bpe_merges.py" line="97"/>
        <source>merge {0} of {1}</source>
        <translation>fusión {0} de {1}</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/bpe_merges.py" line="98"/>
        <source>raw UTF-8 bytes, one token each</source>
        <translation>bytes UTF-8 en bruto, un token cada uno</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/bpe_merges.py" line="99"/>
        <source>the final tokens</source>
        <translation>los tokens finales</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/bpe_merges.py" line="100"/>
        <source>after 1 merge</source>
        <translation>tras 1 fusión</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/bpe_merges.py" line="100"/>
        <source>after {0} merges</source>
        <translation>tras {0} fusiones</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges.py" line="42"/>
        <source>no model is open</source>
        <translation>no hay ningún modelo abierto</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges.py" line="57"/>
        <source>Challenges</source>
        <translation>Retos</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges.py" line="110"/>
        <source>bias probe</source>
        <translation>sonda de sesgo</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/embeddings.py" line="32"/>
        <source>Embeddings</source>
        <translation>Embeddings</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/embeddings_parts.py" line="22"/>
        <location filename="../../app/explore/panels/positions.py" line="34"/>
        <location filename="../../app/explore/panels/positions.py" line="44"/>
        <source>dimension</source>
        <translation>dimensión</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/embeddings_parts.py" line="38"/>
        <source>component 2 ({0})</source>
        <translation>componente 2 ({0})</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/embeddings_parts.py" line="39"/>
        <source>PC 2 ({0})</source>
        <translation>CP 2 ({0})</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/embeddings_parts.py" line="39"/>
        <source>PC 2</source>
        <translation>CP 2</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/embeddings_parts.py" line="51"/>
        <source>neighbour</source>
        <translation>vecino</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/embeddings_parts.py" line="51"/>
        <source>similarity</source>
        <translation>similitud</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/embeddings_parts.py" line="51"/>
        <source>id</source>
        <translation>id</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/embeddings.py" line="63"/>
        <source>The selected token&apos;s vector, one colour per dimension</source>
        <translation>El vector del token seleccionado, un color por dimensión</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/embeddings.py" line="79"/>
        <source>principal component 1 ({0} of the variance)</source>
        <translation>componente principal 1 ({0} de la varianza)</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/embeddings_parts.py" line="38"/>
        <source>principal component 2 ({0})</source>
        <translation>componente principal 2 ({0})</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/embeddings.py" line="107"/>
        <source>All {0} token vectors, flattened to 2D</source>
        <translation>Los {0} vectores de tokens, reducidos a 2D</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/embeddings.py" line="108"/>
        <source>Grey dots: every token in the vocabulary. Coloured: the {0} of your text, labelled where the labels do not overlap (hover a dot for its token). Click any dot to see its nearest neighbours.</source>
        <translation>Puntos grises: todos los tokens del vocabulario. En color: los {0} de tu texto, con etiqueta donde las etiquetas no se solapan (pasa el ratón por un punto para ver su token). Haz clic en cualquier punto para ver sus vecinos más cercanos.</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/embeddings.py" line="111"/>
        <source>different token</source>
        <translation>token distinto</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/embeddings.py" line="111"/>
        <source>different tokens</source>
        <translation>tokens distintos</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/embeddings.py" line="152"/>
        <source>Nearest neighbours of “{0}”</source>
        <translation>Vecinos más cercanos de «{0}»</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/embeddings.py" line="159"/>
        <source>“{0}” (id {1}): blue negative, gold positive, ±{2}</source>
        <translation>«{0}» (id {1}): azul negativo, dorado positivo, ±{2}</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/embeddings.py" line="175"/>
        <source>“{0}” (id {1})</source>
        <translation>«{0}» (id {1})</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/embeddings.py" line="195"/>
        <source>embedding map</source>
        <translation>mapa de embeddings</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/embeddings.py" line="195"/>
        <source>vector strip</source>
        <translation>franja del vector</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/fill_blank.py" line="24"/>
        <source>Fill the blank</source>
        <translation>Rellenar el hueco</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/fill_blank.py" line="39"/>
        <source>Fill the blank: click tokens to hide them</source>
        <translation>Rellenar el hueco: haz clic en tokens para ocultarlos</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/fill_blank.py" line="58"/>
        <location filename="../../app/explore/panels/output.py" line="58"/>
        <source>probability (%)</source>
        <translation>probabilidad (%)</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/fill_blank.py" line="37"/>
        <source>Guessing…</source>
        <translation>Adivinando…</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/fill_blank.py" line="135"/>
        <source>Blank at token {0}: “{1}”</source>
        <translation>Hueco en el token {0}: «{1}»</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/fill_blank.py" line="141"/>
        <source>Masked model: &lt;b&gt;{0}&lt;/b&gt; (reads both sides of each blank) · causal model: &lt;b&gt;{1}&lt;/b&gt; (reads the left side only)</source>
        <translation>Modelo enmascarado: &lt;b&gt;{0}&lt;/b&gt; (lee los dos lados de cada hueco) · modelo causal: &lt;b&gt;{1}&lt;/b&gt; (lee solo el lado izquierdo)</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/fill_blank_chips.py" line="43"/>
        <source>Hidden: “{0}”. Click to show it again</source>
        <translation>Oculto: «{0}». Haz clic para volver a mostrarlo</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/fill_blank_chips.py" line="44"/>
        <source>Click to hide this token</source>
        <translation>Haz clic para ocultar este token</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/fill_blank.py" line="153"/>
        <source>Click a token above to hide it</source>
        <translation>Haz clic en un token de arriba para ocultarlo</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/fill_blank.py" line="154"/>
        <source>Click one or more tokens above: each becomes [MASK]. The masked model reads the words on both sides of it; the causal model only those before it.</source>
        <translation>Haz clic en uno o más tokens de arriba: cada uno se convierte en [MASK]. El modelo enmascarado lee las palabras a ambos lados; el modelo causal, solo las anteriores.</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/fill_blank.py" line="158"/>
        <source>Masked model (both sides): guesses for the blank</source>
        <translation>Modelo enmascarado (ambos lados): conjeturas para el hueco</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/fill_blank.py" line="159"/>
        <source>Causal model (left side only): guesses for the blank</source>
        <translation>Modelo causal (solo el lado izquierdo): conjeturas para el hueco</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/fill_blank.py" line="179"/>
        <source>An example blank, chosen for you; click any token to choose your own. </source>
        <translation>Un hueco de ejemplo, elegido por la aplicación; haz clic en cualquier token para elegir el tuyo. </translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/fill_blank.py" line="184"/>
        <source>The hidden token is “{0}” (its bars are coloured). The masked model gives it {1} (rank {2})</source>
        <translation>El token oculto es «{0}» (sus barras están coloreadas). El modelo enmascarado le da {1} (rango {2})</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/fill_blank.py" line="187"/>
        <source>; the causal model has nothing to its left to read, so it cannot guess.</source>
        <translation>; el modelo causal no tiene nada a su izquierda que leer, así que no puede adivinar.</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/fill_blank.py" line="188"/>
        <source>; the causal model, which cannot see what comes after, gives it {0} (rank {1}).</source>
        <translation>; el modelo causal, que no puede ver lo que viene después, le da {0} (rango {1}).</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/fill_blank.py" line="200"/>
        <source>masked model guesses</source>
        <translation>conjeturas del modelo enmascarado</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/fill_blank.py" line="200"/>
        <source>causal model guesses</source>
        <translation>conjeturas del modelo causal</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/heatmap.py" line="26"/>
        <source>query</source>
        <translation>consulta</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/heatmap.py" line="27"/>
        <source>key</source>
        <translation>clave</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/heatmap.py" line="29"/>
        <source>query (looking)</source>
        <translation>consulta (mira)</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/heatmap.py" line="30"/>
        <source>key (looked at)</source>
        <translation>clave (mirada)</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/heatmap.py" line="128"/>
        <source>“{0}” (#{1}) cannot see “{2}” (#{3}): it comes later, so the causal mask hides it</source>
        <translation>«{0}» (#{1}) no puede ver «{2}» (#{3}): viene después, así que la máscara causal lo oculta</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/heatmap.py" line="131"/>
        <source>{0} “{1}” (#{2}) → {3} “{4}” (#{5}): {6} {7}</source>
        <translation>{0} «{1}» (#{2}) → {3} «{4}» (#{5}): {6} {7}</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/lines.py" line="65"/>
        <source>from</source>
        <translation>de</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/lines.py" line="66"/>
        <source>to</source>
        <translation>a</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/logit_lens.py" line="34"/>
        <location filename="../../app/explore/panels/logit_lens.py" line="60"/>
        <source>layer {0}</source>
        <translation>capa {0}</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/logit_lens.py" line="59"/>
        <source>guess {0}</source>
        <translation>conjetura {0}</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/logit_lens.py" line="66"/>
        <source>token id {0}, probability {1}</source>
        <translation>id del token {0}, probabilidad {1}</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/output_history.py" line="12"/>
        <source>greedy</source>
        <translation>voraz</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/output_history.py" line="12"/>
        <source>sampled</source>
        <translation>muestreado</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/output_history.py" line="12"/>
        <source>forced</source>
        <translation>forzado</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/output.py" line="39"/>
        <source>Output / Decoding</source>
        <translation>Salida / Decodificación</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/output_history.py" line="25"/>
        <source>how</source>
        <translation>cómo</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/output.py" line="105"/>
        <source>The text so far</source>
        <translation>El texto hasta ahora</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/output.py" line="107"/>
        <source>History</source>
        <translation>Historial</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/output.py" line="167"/>
        <source>cut (model {0})</source>
        <translation>descartado (modelo {0})</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/output.py" line="169"/>
        <source>(model {0})</source>
        <translation>(modelo {0})</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/output.py" line="177"/>
        <source>Next token: the top candidates</source>
        <translation>Siguiente token: los mejores candidatos</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/output.py" line="180"/>
        <source>After “{0}” the model spreads its bet over {1} tokens; the {2} most likely are shown.</source>
        <translation>Tras «{0}» el modelo reparte su apuesta entre {1} tokens; se muestran los {2} más probables.</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/output.py" line="182"/>
        <source>With these settings 1 token can be chosen; hatched bars are cut.</source>
        <translation>Con estos ajustes se puede elegir 1 token; las barras rayadas quedan descartadas.</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/output.py" line="183"/>
        <source>With these settings {0} tokens can be chosen; hatched bars are cut.</source>
        <translation>Con estos ajustes se pueden elegir {0} tokens; las barras rayadas quedan descartadas.</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/output.py" line="184"/>
        <source>Dashed outlines show the model&apos;s own probabilities.</source>
        <translation>Los contornos discontinuos muestran las probabilidades del propio modelo.</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/output.py" line="256"/>
        <source>after shaping {0}</source>
        <translation>tras ajustar {0}</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/output.py" line="257"/>
        <source>cut by top-k / top-p</source>
        <translation>descartado por top-k / top-p</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/output.py" line="258"/>
        <source>“{0}” (id {1}, rank {2})
model probability {3}; {4}
click to force it as the next token</source>
        <translation>«{0}» (id {1}, rango {2})
probabilidad del modelo {3}; {4}
haz clic para forzarlo como siguiente token</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/output.py" line="275"/>
        <source>decoding history</source>
        <translation>historial de decodificación</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/output.py" line="278"/>
        <source>next-token distribution</source>
        <translation>distribución del siguiente token</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/output_masked.py" line="22"/>
        <source>No next token: this model fills in blanks</source>
        <translation>No hay siguiente token: este modelo rellena huecos</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/output_masked.py" line="24"/>
        <source>The &lt;b&gt;Fill the blank&lt;/b&gt; stage shows what this model does.</source>
        <translation>La etapa &lt;b&gt;Rellenar el hueco&lt;/b&gt; muestra lo que hace este modelo.</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/overview.py" line="64"/>
        <source>Model overview</source>
        <translation>Resumen del modelo</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/overview.py" line="105"/>
        <source>Click to open this stage</source>
        <translation>Haz clic para abrir esta etapa</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/overview.py" line="137"/>
        <source>Text → tokens</source>
        <translation>Texto → tokens</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/overview.py" line="138"/>
        <source>{0} tokenizer, vocabulary of {1} tokens; context {2} tokens</source>
        <translation>tokenizador {0}, vocabulario de {1} tokens; contexto de {2} tokens</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/overview.py" line="143"/>
        <source>Token embedding</source>
        <translation>Embedding de tokens</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/overview.py" line="144"/>
        <source>{0} × {1} = {2} parameters</source>
        <translation>{0} × {1} = {2} parámetros</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/overview.py" line="146"/>
        <source>learned, {0} × {1} = {2} parameters</source>
        <translation>aprendido, {0} × {1} = {2} parámetros</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/overview.py" line="148"/>
        <source>fixed sine waves, no parameters</source>
        <translation>ondas sinusoidales fijas, sin parámetros</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/overview.py" line="149"/>
        <source>rotary (RoPE) inside attention, no parameters</source>
        <translation>rotatorio (RoPE) dentro de la atención, sin parámetros</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/overview.py" line="150"/>
        <source>+ Position</source>
        <translation>+ Posición</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/overview.py" line="157"/>
        <source>Block {0} · self-attention</source>
        <translation>Bloque {0} · autoatención</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/overview.py" line="158"/>
        <source>{0} heads × {1} wide · {2} parameters</source>
        <translation>{0} cabezas × {1} de ancho · {2} parámetros</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/explore/panels/overview.py" line="161"/>
        <source>Open the Attention stage on layer %n</source>
        <translation>
            <numerusform>Abrir la etapa Atención en la capa %n</numerusform>
            <numerusform>Abrir la etapa Atención en la capa %n</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/overview.py" line="162"/>
        <source>Block {0} · MLP</source>
        <translation>Bloque {0} · MLP</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/overview.py" line="163"/>
        <source>{0} → {1} → {2} · {3} parameters</source>
        <translation>{0} → {1} → {2} · {3} parámetros</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/explore/panels/overview.py" line="166"/>
        <source>Open the logit lens at layer %n: what the model would predict after this block, its MLP included (Attention stage)</source>
        <translation>
            <numerusform>Abrir la lente de logits en la capa %n: lo que predeciría el modelo tras este bloque, MLP incluido (etapa Atención)</numerusform>
            <numerusform>Abrir la lente de logits en la capa %n: lo que predeciría el modelo tras este bloque, MLP incluido (etapa Atención)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/overview.py" line="170"/>
        <source>Final norm → unembedding → next-token probabilities</source>
        <translation>Normalización final → desembedding → probabilidades del siguiente token</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/overview.py" line="171"/>
        <source>reuses the token embedding (tied): {0} scores, softmax to probabilities · {1} parameters</source>
        <translation>reutiliza el embedding de tokens (compartido): {0} puntuaciones, softmax a probabilidades · {1} parámetros</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/overview.py" line="177"/>
        <source>trained {0} steps</source>
        <translation>entrenado {0} pasos</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/overview.py" line="178"/>
        <source>loss {0}</source>
        <translation>pérdida {0}</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/overview.py" line="180"/>
        <source>&lt;b&gt;{0}&lt;/b&gt;: {1} parameters ({2}) · {3} layers × {4} heads · d_model {5} · about {6}FLOPs per token at full context · running on {7}{8}.</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt;: {1} parámetros ({2}) · {3} capas × {4} cabezas · d_model {5} · unos {6}FLOPs por token con el contexto completo · ejecutándose en {7}{8}.</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/overview.py" line="184"/>
        <source>Click a box to open its stage: a block&apos;s self-attention opens the Attention stage on that layer, its MLP the logit lens row for that layer (what the model would predict after the block).</source>
        <translation>Haz clic en una caja para abrir su etapa: la autoatención de un bloque abre la etapa Atención en esa capa; su MLP, la fila de la lente de logits de esa capa (lo que predeciría el modelo tras el bloque).</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/positions.py" line="15"/>
        <source>token vector</source>
        <translation>vector del token</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/positions.py" line="15"/>
        <source>+ position vector</source>
        <translation>+ vector de posición</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/positions.py" line="15"/>
        <source>= block input</source>
        <translation>= entrada del bloque</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/positions.py" line="29"/>
        <location filename="../../app/training/form.py" line="134"/>
        <source>Positions</source>
        <translation>Posiciones</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/positions.py" line="34"/>
        <source>position</source>
        <translation>posición</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/positions.py" line="50"/>
        <source>Token:</source>
        <translation>Token:</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/positions.py" line="68"/>
        <source>Learned position vectors</source>
        <translation>Vectores de posición aprendidos</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/positions.py" line="68"/>
        <source>Sinusoidal position vectors (fixed)</source>
        <translation>Vectores de posición sinusoidales (fijos)</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/positions.py" line="72"/>
        <source>Cosine similarity between positions</source>
        <translation>Similitud coseno entre posiciones</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/positions.py" line="73"/>
        <source>cosine similarity</source>
        <translation>similitud coseno</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/positions.py" line="75"/>
        <source>The sinusoidal pattern, for comparison</source>
        <translation>El patrón sinusoidal, para comparar</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/positions.py" line="87"/>
        <source>RoPE: rotation angle (mod 2π) per position and dimension pair</source>
        <translation>RoPE: ángulo de rotación (mód. 2π) por posición y par de dimensiones</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/positions.py" line="88"/>
        <source>angle (radians)</source>
        <translation>ángulo (radianes)</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/positions.py" line="97"/>
        <source>This model learned one vector per position during training. If it learned a smooth sense of order, neighbouring positions look alike: a wide gold band along the diagonal of the similarity map.</source>
        <translation>Este modelo aprendió un vector por posición durante el entrenamiento. Si aprendió un sentido suave del orden, las posiciones vecinas se parecen: una banda dorada ancha a lo largo de la diagonal del mapa de similitud.</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/positions.py" line="100"/>
        <source>This model uses fixed sine and cosine waves: fast waves in the first dimensions, slow ones later.</source>
        <translation>Este modelo usa ondas seno y coseno fijas: ondas rápidas en las primeras dimensiones y lentas en las siguientes.</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/positions.py" line="102"/>
        <source>This model adds nothing to the token vectors: it rotates queries and keys by an angle that grows with position (RoPE), so attention depends on how far apart two tokens are.</source>
        <translation>Este modelo no suma nada a los vectores de los tokens: gira las consultas y las claves un ángulo que crece con la posición (RoPE), así que la atención depende de lo lejos que estén dos tokens.</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/positions.py" line="121"/>
        <source>“{0}” at position {1} (colour scale ±{2})</source>
        <translation>«{0}» en la posición {1} (escala de color ±{2})</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/positions.py" line="131"/>
        <source>position vectors</source>
        <translation>vectores de posición</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/positions.py" line="131"/>
        <source>comparison</source>
        <translation>comparación</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/positions.py" line="132"/>
        <source>position similarity</source>
        <translation>similitud de posiciones</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/positions.py" line="132"/>
        <source>token + position</source>
        <translation>token + posición</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/sampling.py" line="41"/>
        <source>off</source>
        <translation>no</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/sampling.py" line="49"/>
        <source>0 is greedy decoding: always the most likely token. Below 1 sharpens the distribution, above 1 flattens it.</source>
        <translation>0 es decodificación voraz: siempre el token más probable. Por debajo de 1 agudiza la distribución; por encima de 1 la aplana.</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/sampling.py" line="51"/>
        <source>Keep only the k most likely tokens (off: keep all).</source>
        <translation>Conservar solo los k tokens más probables (no: conservarlos todos).</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/sampling.py" line="52"/>
        <source>Keep the fewest most likely tokens whose probabilities add up to at least p (1.00: keep all).</source>
        <translation>Conservar los menos tokens más probables cuyas probabilidades sumen al menos p (1,00: conservarlos todos).</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/sampling.py" line="62"/>
        <source>Temperature</source>
        <translation>Temperatura</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/sampling.py" line="63"/>
        <source>Top-k</source>
        <translation>Top-k</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/sampling.py" line="64"/>
        <source>Top-p</source>
        <translation>Top-p</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/sampling.py" line="66"/>
        <source>Step ▸</source>
        <translation>Paso ▸</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/sampling.py" line="67"/>
        <location filename="../../app/explore/panels/sampling.py" line="122"/>
        <location filename="../../app/explore/panels/sampling.py" line="130"/>
        <source>Play ▶</source>
        <translation>Reproducir ▶</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/sampling.py" line="69"/>
        <source>Undo ◂</source>
        <translation>Deshacer ◂</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/sampling.py" line="73"/>
        <source> tokens/s</source>
        <translation> tokens/s</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/sampling.py" line="85"/>
        <source>Shape the distribution</source>
        <translation>Ajustar la distribución</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/sampling.py" line="88"/>
        <source>Generate</source>
        <translation>Generar</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/sampling.py" line="90"/>
        <source>Click a bar to force that token as the next one.</source>
        <translation>Haz clic en una barra para forzar ese token como el siguiente.</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/sampling.py" line="108"/>
        <location filename="../../app/explore/panels/sampling.py" line="118"/>
        <source>0 (greedy)</source>
        <translation>0 (voraz)</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/sampling.py" line="109"/>
        <location filename="../../app/explore/panels/sampling.py" line="119"/>
        <source> (off)</source>
        <translation> (no)</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/sampling.py" line="112"/>
        <source>Temperature 0 is greedy decoding: always the most likely token.</source>
        <translation>La temperatura 0 es decodificación voraz: siempre el token más probable.</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/sampling.py" line="122"/>
        <location filename="../../app/explore/panels/sampling.py" line="130"/>
        <location filename="../../app/training/controller.py" line="46"/>
        <location filename="../../app/training/controller.py" line="121"/>
        <location filename="../../app/training/controller.py" line="147"/>
        <source>Pause ❚❚</source>
        <translation>Pausa ❚❚</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/text.py" line="28"/>
        <source>(unnamed)</source>
        <translation>(sin nombre)</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/text.py" line="36"/>
        <source>Text</source>
        <translation>Texto</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/text.py" line="46"/>
        <location filename="../../app/explore/panels/text.py" line="66"/>
        <location filename="../../app/explore/panels/tokens.py" line="84"/>
        <source>character</source>
        <translation>carácter</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/text.py" line="46"/>
        <source>code point</source>
        <translation>punto de código</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/text.py" line="46"/>
        <source>Unicode name</source>
        <translation>nombre Unicode</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/text.py" line="46"/>
        <location filename="../../app/explore/panels/text.py" line="67"/>
        <source>UTF-8 bytes</source>
        <translation>bytes UTF-8</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/text.py" line="54"/>
        <source>How much of the context window this uses</source>
        <translation>Cuánto de la ventana de contexto usa esto</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/text.py" line="57"/>
        <source>Every character is stored as 1 to 4 bytes (UTF-8)</source>
        <translation>Cada carácter se guarda como 1 a 4 bytes (UTF-8)</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/text.py" line="66"/>
        <location filename="../../app/explore/panels/tokens.py" line="84"/>
        <source>characters</source>
        <translation>caracteres</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/text.py" line="67"/>
        <source>UTF-8 byte</source>
        <translation>byte UTF-8</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_compute.py" line="44"/>
        <location filename="../../app/explore/panels/text.py" line="68"/>
        <location filename="../../app/explore/panels/tokens.py" line="84"/>
        <location filename="../../app/explore/panels/tokens.py" line="143"/>
        <source>tokens</source>
        <translation>tokens</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/text.py" line="78"/>
        <source>{0} of {1} tokens</source>
        <translation>{0} de {1} tokens</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/text.py" line="81"/>
        <source>&lt;b&gt;The text is longer than the model can read at once.&lt;/b&gt; It sees only the last {0} tokens, a sliding window; the first {1} characters are out of its sight and are not shown here.</source>
        <translation>&lt;b&gt;El texto es más largo de lo que el modelo puede leer de una vez.&lt;/b&gt; Solo ve los últimos {0} tokens, una ventana deslizante; los primeros {1} caracteres quedan fuera de su vista y no se muestran aquí.</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/text.py" line="85"/>
        <source>&lt;span style=&apos;color:{0}&apos;&gt;Coloured text&lt;/span&gt; was written by the model, one token at a time.</source>
        <translation>El &lt;span style=&apos;color:{0}&apos;&gt;texto en color&lt;/span&gt; lo escribió el modelo, token a token.</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/text.py" line="87"/>
        <source>Everything you typed fits in the model&apos;s context window.</source>
        <translation>Todo lo que has escrito cabe en la ventana de contexto del modelo.</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/tokens.py" line="14"/>
        <location filename="../../app/training/form.py" line="40"/>
        <source>Characters</source>
        <translation>Caracteres</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/tokens.py" line="14"/>
        <location filename="../../app/training/form.py" line="40"/>
        <source>Words</source>
        <translation>Palabras</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/tokens.py" line="14"/>
        <source>Byte-level BPE</source>
        <translation>BPE a nivel de bytes</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/tokens.py" line="19"/>
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/tokens.py" line="47"/>
        <source>The same text, three ways to split it</source>
        <translation>El mismo texto, dividido de tres formas</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/tokens.py" line="50"/>
        <source>Byte-pair encoding, one merge at a time</source>
        <translation>Codificación por pares de bytes, fusión a fusión</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/tokens.py" line="94"/>
        <source>Hover a chip for its byte span; click it (or reach it with Tab and the arrow keys, then press Enter) to see its embedding. · marks a space, ↵ a line break, ⟨E2 80⟩ bytes of a split character.</source>
        <translation>Pasa el ratón por una caja para ver sus bytes; haz clic en ella (o llega con Tab y las flechas y pulsa Intro) para ver su embedding. · marca un espacio, ↵ un salto de línea, ⟨E2 80⟩ bytes de un carácter partido.</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/tokens.py" line="115"/>
        <source>token id {0}, position {1}
characters {2}–{3}, bytes {4}–{5}
UTF-8: {6}</source>
        <translation>id del token {0}, posición {1}
caracteres {2}–{3}, bytes {4}–{5}
UTF-8: {6}</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/tokens.py" line="116"/>
        <source>(none)</source>
        <translation>(ninguno)</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/tokens.py" line="119"/>
        <source>part of {0}</source>
        <translation>parte de {0}</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/tokens.py" line="120"/>
        <source>click to see its embedding</source>
        <translation>haz clic para ver su embedding</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/tokens.py" line="85"/>
        <source>byte</source>
        <translation>byte</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/tokens.py" line="85"/>
        <source>bytes</source>
        <translation>bytes</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/tokens.py" line="89"/>
        <source>Only the last {0} tokens fit in the model&apos;s context; the first {1} characters are not shown to the model.</source>
        <translation>Solo los últimos {0} tokens caben en el contexto del modelo; los primeros {1} caracteres no se le muestran.</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/tokens.py" line="92"/>
        <source>Tokens with a &lt;b style=&apos;color:{0}&apos;&gt;thick outline&lt;/b&gt; were generated by the model.</source>
        <translation>Los tokens con &lt;b style=&apos;color:{0}&apos;&gt;contorno grueso&lt;/b&gt; los generó el modelo.</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/tokens.py" line="137"/>
        <source>training a {0} tokenizer on the corpus…</source>
        <translation>entrenando un tokenizador de {0} con el corpus…</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/tokens.py" line="141"/>
        <source>{0} unknown</source>
        <translation>{0} desconocidos</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/tokens.py" line="145"/>
        <source>vocab {0}</source>
        <translation>vocabulario {0}</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/tokens.py" line="147"/>
        <location filename="../../app/training/labelled_table.py" line="163"/>
        <source>… and {0} more</source>
        <translation>… y {0} más</translation>
    </message>
    <message>
        <location filename="../../app/explore/prompt.py" line="22"/>
        <source>Type a prompt… (for example: To be, or not to be)</source>
        <translation>Escribe un prompt… (por ejemplo: To be, or not to be)</translation>
    </message>
    <message>
        <location filename="../../app/explore/prompt.py" line="54"/>
        <source>Clear</source>
        <translation>Borrar</translation>
    </message>
    <message>
        <location filename="../../app/explore/prompt.py" line="55"/>
        <source>Empty the prompt box and the generated text</source>
        <translation>Vaciar el cuadro del prompt y el texto generado</translation>
    </message>
    <message>
        <location filename="../../app/explore/session.py" line="82"/>
        <source>{0}: no such folder</source>
        <translation>{0}: no existe esa carpeta</translation>
    </message>
    <message>
        <location filename="../../app/explore/session.py" line="83"/>
        <source>There is no model folder at {0}.</source>
        <translation>No hay ninguna carpeta de modelo en {0}.</translation>
    </message>
    <message>
        <location filename="../../app/training/base_picker.py" line="20"/>
        <source>Choose a model folder…</source>
        <translation>Elegir una carpeta de modelo…</translation>
    </message>
    <message>
        <location filename="../../app/training/base_picker.py" line="21"/>
        <source>Pre-trained run</source>
        <translation>Ejecución preentrenada</translation>
    </message>
    <message>
        <location filename="../../app/training/base_picker.py" line="21"/>
        <source>Trained on your text</source>
        <translation>Entrenado con tu texto</translation>
    </message>
    <message>
        <location filename="../../app/training/base_picker.py" line="56"/>
        <source>The shipped model ({0})</source>
        <translation>El modelo incluido ({0})</translation>
    </message>
    <message>
        <location filename="../../app/training/base_picker.py" line="59"/>
        <source>Run</source>
        <translation>Ejecución</translation>
    </message>
    <message>
        <location filename="../../app/training/base_picker.py" line="60"/>
        <source>{0}: {1} (step {2})</source>
        <translation>{0}: {1} (paso {2})</translation>
    </message>
    <message>
        <location filename="../../app/training/base_picker.py" line="89"/>
        <source>A model folder to fine-tune</source>
        <translation>Una carpeta de modelo para el ajuste fino</translation>
    </message>
    <message>
        <location filename="../../app/training/classify_worker.py" line="31"/>
        <source>{0} classifier</source>
        <translation>clasificador {0}</translation>
    </message>
    <message>
        <location filename="../../app/training/classify_worker.py" line="55"/>
        <source>Loading the base model…</source>
        <translation>Cargando el modelo base…</translation>
    </message>
    <message>
        <location filename="../../app/training/classify_worker.py" line="57"/>
        <source>Adding a classification head…</source>
        <translation>Añadiendo una cabeza de clasificación…</translation>
    </message>
    <message>
        <location filename="../../app/training/classify_worker.py" line="104"/>
        <source>It could not be saved as a run ({0}).</source>
        <translation>No se pudo guardar como ejecución ({0}).</translation>
    </message>
    <message>
        <location filename="../../app/training/confusion.py" line="19"/>
        <source>Confusion matrix (held-out)</source>
        <translation>Matriz de confusión (validación)</translation>
    </message>
    <message>
        <location filename="../../app/training/confusion.py" line="21"/>
        <source>true label</source>
        <translation>etiqueta real</translation>
    </message>
    <message>
        <location filename="../../app/training/confusion.py" line="22"/>
        <source>predicted label</source>
        <translation>etiqueta predicha</translation>
    </message>
    <message>
        <location filename="../../app/training/continued.py" line="35"/>
        <source> and its tuned model</source>
        <translation> y su modelo ajustado</translation>
    </message>
    <message>
        <location filename="../../app/training/continued.py" line="42"/>
        <source>Pick a base model and your text, then press Start.</source>
        <translation>Elige un modelo base y tu texto, y pulsa Empezar.</translation>
    </message>
    <message>
        <location filename="../../app/training/continued.py" line="43"/>
        <source>Finished and stopped runs are offered as base models in both fine-tune panels.</source>
        <translation>Las ejecuciones terminadas y detenidas se ofrecen como modelos base en los dos paneles de ajuste fino.</translation>
    </message>
    <message>
        <location filename="../../app/training/continued.py" line="51"/>
        <location filename="../../app/training/pretrain_views.py" line="46"/>
        <source>Open in explorer</source>
        <translation>Abrir en el explorador</translation>
    </message>
    <message>
        <location filename="../../app/training/continued.py" line="89"/>
        <location filename="../../app/training/form.py" line="252"/>
        <source>Reading…</source>
        <translation>Leyendo…</translation>
    </message>
    <message>
        <location filename="../../app/training/continued.py" line="107"/>
        <source>Checking your text against the base model…</source>
        <translation>Comprobando tu texto con el modelo base…</translation>
    </message>
    <message>
        <location filename="../../app/training/continued.py" line="141"/>
        <location filename="../../app/training/form.py" line="259"/>
        <source>&lt;b&gt;Nothing to learn from:&lt;/b&gt; {0}</source>
        <translation>&lt;b&gt;No hay nada de lo que aprender:&lt;/b&gt; {0}</translation>
    </message>
    <message>
        <location filename="../../app/training/continued.py" line="151"/>
        <source>Choose a base model and some text of your own first.</source>
        <translation>Elige antes un modelo base y algún texto tuyo.</translation>
    </message>
    <message>
        <location filename="../../app/training/continued.py" line="154"/>
        <source>Your text is too short for this base model: see above.</source>
        <translation>Tu texto es demasiado corto para este modelo base: mira arriba.</translation>
    </message>
    <message>
        <location filename="../../app/training/continued.py" line="163"/>
        <location filename="../../app/training/pretrain.py" line="136"/>
        <source>Training: {0}</source>
        <translation>Entrenando: {0}</translation>
    </message>
    <message>
        <location filename="../../app/training/continued.py" line="173"/>
        <source>Could not train: {0}</source>
        <translation>No se pudo entrenar: {0}</translation>
    </message>
    <message>
        <location filename="../../app/training/continued.py" line="189"/>
        <location filename="../../app/training/finetune.py" line="135"/>
        <source>{0}: {1} at step {2} of {3}.</source>
        <translation>{0}: {1} en el paso {2} de {3}.</translation>
    </message>
    <message>
        <location filename="../../app/training/continued.py" line="191"/>
        <source>Its base model is gone: there is no “Before” to show.</source>
        <translation>Su modelo base ya no está: no hay «Antes» que mostrar.</translation>
    </message>
    <message>
        <location filename="../../app/training/continued.py" line="194"/>
        <source>This run saved no tuned model.</source>
        <translation>Esta ejecución no guardó ningún modelo ajustado.</translation>
    </message>
    <message>
        <location filename="../../app/training/continued.py" line="197"/>
        <source>The base model of this run is gone.</source>
        <translation>El modelo base de esta ejecución ya no está.</translation>
    </message>
    <message>
        <location filename="../../app/training/continued_form.py" line="31"/>
        <source>Your text</source>
        <translation>Tu texto</translation>
    </message>
    <message>
        <location filename="../../app/training/continued_form.py" line="31"/>
        <source>Text (*.txt *.text)</source>
        <translation>Texto (*.txt *.text)</translation>
    </message>
    <message>
        <location filename="../../app/training/continued_form.py" line="33"/>
        <source>Choose .txt files (or drop them here): letters, a novel, your own stories…</source>
        <translation>Elige archivos .txt (o suéltalos aquí): cartas, una novela, tus propias historias…</translation>
    </message>
    <message>
        <location filename="../../app/training/continued_form.py" line="40"/>
        <location filename="../../app/training/finetune_form.py" line="39"/>
        <source>1  Base model</source>
        <translation>1  Modelo base</translation>
    </message>
    <message>
        <location filename="../../app/training/continued_form.py" line="41"/>
        <source>2  Your text</source>
        <translation>2  Tu texto</translation>
    </message>
    <message>
        <location filename="../../app/training/continued_form.py" line="42"/>
        <source>Past runs on your text</source>
        <translation>Ejecuciones anteriores con tu texto</translation>
    </message>
    <message>
        <location filename="../../app/training/continued_form.py" line="45"/>
        <source>3  Training</source>
        <translation>3  Entrenamiento</translation>
    </message>
    <message>
        <location filename="../../app/training/continued_form.py" line="54"/>
        <location filename="../../app/training/finetune_form.py" line="65"/>
        <location filename="../../app/training/form.py" line="162"/>
        <source>Steps</source>
        <translation>Pasos</translation>
    </message>
    <message>
        <location filename="../../app/training/continued_form.py" line="55"/>
        <location filename="../../app/training/curves.py" line="76"/>
        <location filename="../../app/training/finetune_form.py" line="66"/>
        <location filename="../../app/training/form.py" line="161"/>
        <source>Learning rate</source>
        <translation>Tasa de aprendizaje</translation>
    </message>
    <message>
        <location filename="../../app/training/continued_form.py" line="56"/>
        <location filename="../../app/training/form.py" line="160"/>
        <source>Batch size</source>
        <translation>Tamaño de lote</translation>
    </message>
    <message>
        <location filename="../../app/training/continued_form.py" line="58"/>
        <source>A smaller learning rate than pre-training keeps what the model knew while it adapts.</source>
        <translation>Una tasa de aprendizaje menor que en el preentrenamiento conserva lo que sabía el modelo mientras se adapta.</translation>
    </message>
    <message>
        <location filename="../../app/training/continued_form.py" line="77"/>
        <source>This base model reads {ctx} tokens at a time, so your text needs at least {need} tokens with its tokenizer (one training window; a tenth of the text is held out to measure progress).</source>
        <translation>Este modelo base lee {ctx} tokens a la vez, así que tu texto necesita al menos {need} tokens con su tokenizador (una ventana de entrenamiento; una décima parte del texto se reserva para medir el progreso).</translation>
    </message>
    <message>
        <location filename="../../app/training/continued_form.py" line="83"/>
        <source>{0} file(s), {1} characters ({2} KB)</source>
        <translation>{0} archivo(s), {1} caracteres ({2} KB)</translation>
    </message>
    <message>
        <location filename="../../app/training/continued_form.py" line="95"/>
        <source>&lt;b&gt;Too short:&lt;/b&gt; {have} tokens with the base model&apos;s tokenizer, fewer than one training window of {need}. Add about {more} more characters of text.</source>
        <translation>&lt;b&gt;Demasiado corto:&lt;/b&gt; {have} tokens con el tokenizador del modelo base, menos que una ventana de entrenamiento de {need}. Añade unos {more} caracteres más de texto.</translation>
    </message>
    <message>
        <location filename="../../app/training/continued_form.py" line="99"/>
        <source>{have} tokens with the base model&apos;s tokenizer: enough (at least {need} needed).</source>
        <translation>{have} tokens con el tokenizador del modelo base: suficiente (se necesitan al menos {need}).</translation>
    </message>
    <message>
        <location filename="../../app/training/continued_views.py" line="18"/>
        <source>Pick a base model: its continuation of the prompt and its likeliest next tokens appear here.</source>
        <translation>Elige un modelo base: aquí aparecen su continuación del prompt y sus siguientes tokens más probables.</translation>
    </message>
    <message>
        <location filename="../../app/training/continued_views.py" line="20"/>
        <source>The tuned model&apos;s continuation and likeliest next tokens appear here when the run ends.</source>
        <translation>La continuación del modelo ajustado y sus siguientes tokens más probables aparecen aquí cuando termina la ejecución.</translation>
    </message>
    <message>
        <location filename="../../app/training/continued_views.py" line="28"/>
        <source>Loss on your text</source>
        <translation>Pérdida en tu texto</translation>
    </message>
    <message>
        <location filename="../../app/training/continued_views.py" line="30"/>
        <location filename="../../app/training/curves.py" line="87"/>
        <source>training</source>
        <translation>entrenamiento</translation>
    </message>
    <message>
        <location filename="../../app/training/continued_views.py" line="31"/>
        <source>held out (your text)</source>
        <translation>reservado (tu texto)</translation>
    </message>
    <message>
        <location filename="../../app/training/continued_views.py" line="82"/>
        <source>probability of the next token</source>
        <translation>probabilidad del siguiente token</translation>
    </message>
    <message>
        <location filename="../../app/training/continued_views.py" line="115"/>
        <source>Before</source>
        <translation>Antes</translation>
    </message>
    <message>
        <location filename="../../app/training/continued_views.py" line="116"/>
        <source>After</source>
        <translation>Después</translation>
    </message>
    <message>
        <location filename="../../app/training/controller.py" line="117"/>
        <source>Resume ▶</source>
        <translation>Reanudar ▶</translation>
    </message>
    <message>
        <location filename="../../app/training/controller.py" line="118"/>
        <source>Pausing after this step…</source>
        <translation>Pausando tras este paso…</translation>
    </message>
    <message>
        <location filename="../../app/training/controller.py" line="125"/>
        <source>Paused at step {0}. Press Resume to go on from here.</source>
        <translation>En pausa en el paso {0}. Pulsa Reanudar para seguir desde aquí.</translation>
    </message>
    <message>
        <location filename="../../app/training/controller.py" line="127"/>
        <source>Training…</source>
        <translation>Entrenando…</translation>
    </message>
    <message>
        <location filename="../../app/training/controller.py" line="227"/>
        <source>Finished.</source>
        <translation>Terminado.</translation>
    </message>
    <message>
        <location filename="../../app/training/controller.py" line="227"/>
        <source>Stopped.</source>
        <translation>Detenido.</translation>
    </message>
    <message>
        <location filename="../../app/training/controller.py" line="227"/>
        <source>The run diverged.</source>
        <translation>La ejecución divergió.</translation>
    </message>
    <message>
        <location filename="../../app/training/controller.py" line="228"/>
        <source>The run could not go on.</source>
        <translation>La ejecución no pudo continuar.</translation>
    </message>
    <message>
        <location filename="../../app/training/controls.py" line="29"/>
        <source>{0} s</source>
        <translation>{0} s</translation>
    </message>
    <message>
        <location filename="../../app/training/controls.py" line="31"/>
        <source>{0} min {1} s</source>
        <translation>{0} min {1} s</translation>
    </message>
    <message>
        <location filename="../../app/training/controls.py" line="32"/>
        <source>{0} h {1} min</source>
        <translation>{0} h {1} min</translation>
    </message>
    <message>
        <location filename="../../app/training/controls.py" line="37"/>
        <source>about {ms} ms a step on {device}, measured on this computer: {steps} steps take about {total} (evaluation and samples add a little)</source>
        <translation>unos {ms} ms por paso en {device}, medido en este equipo: {steps} pasos tardan unos {total} (la evaluación y las muestras añaden un poco)</translation>
    </message>
    <message>
        <location filename="../../app/training/controls.py" line="80"/>
        <source>Start ▶</source>
        <translation>Empezar ▶</translation>
    </message>
    <message>
        <location filename="../../app/training/controls.py" line="80"/>
        <source>Stop ■</source>
        <translation>Detener ■</translation>
    </message>
    <message>
        <location filename="../../app/training/controls.py" line="86"/>
        <source>step %v of %m</source>
        <translation>paso %v de %m</translation>
    </message>
    <message>
        <location filename="../../app/training/controls.py" line="104"/>
        <source>Files…</source>
        <translation>Archivos…</translation>
    </message>
    <message>
        <location filename="../../app/training/controls.py" line="104"/>
        <source>Folder…</source>
        <translation>Carpeta…</translation>
    </message>
    <message>
        <location filename="../../app/training/controls.py" line="112"/>
        <source>A folder of .txt files</source>
        <translation>Una carpeta de archivos .txt</translation>
    </message>
    <message>
        <location filename="../../app/training/curves.py" line="28"/>
        <source>Scroll to zoom, drag to pan; double-click to see the whole run again.</source>
        <translation>Rueda para acercar, arrastra para desplazar; doble clic para volver a ver toda la ejecución.</translation>
    </message>
    <message>
        <location filename="../../app/training/curves.py" line="46"/>
        <source>step</source>
        <translation>paso</translation>
    </message>
    <message>
        <location filename="../../app/training/curves.py" line="76"/>
        <source>Loss (lower is better)</source>
        <translation>Pérdida (cuanto menor, mejor)</translation>
    </message>
    <message>
        <location filename="../../app/training/curves.py" line="76"/>
        <source>Tokens per second</source>
        <translation>Tokens por segundo</translation>
    </message>
    <message>
        <location filename="../../app/training/curves.py" line="77"/>
        <source>Gradient norm</source>
        <translation>Norma del gradiente</translation>
    </message>
    <message>
        <location filename="../../app/training/curves.py" line="88"/>
        <source>validation</source>
        <translation>validación</translation>
    </message>
    <message>
        <location filename="../../app/training/finetune.py" line="38"/>
        <source> and its fine-tuned model</source>
        <translation> y su modelo con ajuste fino</translation>
    </message>
    <message>
        <location filename="../../app/training/finetune.py" line="44"/>
        <source>Pick a base model and some labelled examples, then press Start.</source>
        <translation>Elige un modelo base y algunos ejemplos etiquetados, y pulsa Empezar.</translation>
    </message>
    <message>
        <location filename="../../app/training/finetune.py" line="80"/>
        <source>Choose a base model first: the shipped one, a run you trained, or a model folder.</source>
        <translation>Elige antes un modelo base: el incluido, una ejecución que hayas entrenado o una carpeta de modelo.</translation>
    </message>
    <message>
        <location filename="../../app/training/finetune.py" line="89"/>
        <source>the table</source>
        <translation>la tabla</translation>
    </message>
    <message>
        <location filename="../../app/training/finetune.py" line="103"/>
        <source>Fine-tuning {0} of {1} parameters to tell {2} apart.</source>
        <translation>Ajuste fino de {0} de {1} parámetros para distinguir {2}.</translation>
    </message>
    <message>
        <location filename="../../app/training/finetune.py" line="116"/>
        <source>Held-out accuracy: {0} (chance: {1}).</source>
        <translation>Exactitud en validación: {0} (azar: {1}).</translation>
    </message>
    <message>
        <location filename="../../app/training/finetune.py" line="118"/>
        <source>Saved as the run “{0}” (listed under Past classification runs).</source>
        <translation>Guardado como la ejecución «{0}» (en Ejecuciones de clasificación anteriores).</translation>
    </message>
    <message>
        <location filename="../../app/training/finetune.py" line="121"/>
        <source>Could not fine-tune: {0}</source>
        <translation>No se pudo hacer el ajuste fino: {0}</translation>
    </message>
    <message>
        <location filename="../../app/training/finetune.py" line="134"/>
        <source>Held-out accuracy: {0}.</source>
        <translation>Exactitud en validación: {0}.</translation>
    </message>
    <message>
        <location filename="../../app/training/finetune.py" line="138"/>
        <source>Loading the saved classifier…</source>
        <translation>Cargando el clasificador guardado…</translation>
    </message>
    <message>
        <location filename="../../app/training/finetune.py" line="146"/>
        <source>Fine-tune a model (or show a past run) to try a sentence.</source>
        <translation>Haz un ajuste fino de un modelo (o muestra una ejecución anterior) para probar una frase.</translation>
    </message>
    <message>
        <location filename="../../app/training/finetune.py" line="162"/>
        <source>The saved classifier is loaded: type a sentence above.</source>
        <translation>El clasificador guardado está cargado: escribe una frase arriba.</translation>
    </message>
    <message>
        <location filename="../../app/training/finetune.py" line="163"/>
        <source>The saved classifier is loaded (its base model is gone, so there is no “before” to compare): type a sentence above.</source>
        <translation>El clasificador guardado está cargado (su modelo base ya no está, así que no hay «antes» con que comparar): escribe una frase arriba.</translation>
    </message>
    <message>
        <location filename="../../app/training/finetune.py" line="172"/>
        <source>Could not load the saved classifier: {0}</source>
        <translation>No se pudo cargar el clasificador guardado: {0}</translation>
    </message>
    <message>
        <location filename="../../app/training/finetune_form.py" line="26"/>
        <source>Only the last N blocks (and the new head) learn; the blocks below keep what pre-training taught them. Fewer trainable blocks: faster, and safer with few examples. All blocks: the whole network adapts.</source>
        <translation>Solo aprenden los últimos N bloques (y la nueva cabeza); los bloques de debajo conservan lo que les enseñó el preentrenamiento. Menos bloques entrenables: más rápido, y más seguro con pocos ejemplos. Todos los bloques: se adapta toda la red.</translation>
    </message>
    <message>
        <location filename="../../app/training/finetune_form.py" line="40"/>
        <source>2  Labelled examples (double-click to edit)</source>
        <translation>2  Ejemplos etiquetados (doble clic para editar)</translation>
    </message>
    <message>
        <location filename="../../app/training/finetune_form.py" line="41"/>
        <source>Past classification runs</source>
        <translation>Ejecuciones de clasificación anteriores</translation>
    </message>
    <message>
        <location filename="../../app/training/finetune_form.py" line="46"/>
        <source>3  Fine-tune</source>
        <translation>3  Ajuste fino</translation>
    </message>
    <message>
        <location filename="../../app/training/finetune_form.py" line="56"/>
        <location filename="../../app/training/finetune_form.py" line="79"/>
        <source>blocks</source>
        <translation>bloques</translation>
    </message>
    <message>
        <location filename="../../app/training/finetune_form.py" line="63"/>
        <source>Train the last</source>
        <translation>Entrenar los últimos</translation>
    </message>
    <message>
        <location filename="../../app/training/finetune_form.py" line="82"/>
        <source>of its {0} blocks</source>
        <translation>de sus {0} bloques</translation>
    </message>
    <message>
        <location filename="../../app/training/finetune_views.py" line="21"/>
        <source>finished</source>
        <translation>terminada</translation>
    </message>
    <message>
        <location filename="../../app/training/finetune_views.py" line="21"/>
        <source>stopped early</source>
        <translation>detenida antes de tiempo</translation>
    </message>
    <message>
        <location filename="../../app/training/finetune_views.py" line="26"/>
        <source>{0} held-out</source>
        <translation>{0} en validación</translation>
    </message>
    <message>
        <location filename="../../app/training/finetune_views.py" line="27"/>
        <source>{0} · {1} · {2} steps{3} · {4}</source>
        <translation>{0} · {1} · {2} pasos{3} · {4}</translation>
    </message>
    <message>
        <location filename="../../app/training/finetune_views.py" line="38"/>
        <source>Loss</source>
        <translation>Pérdida</translation>
    </message>
    <message>
        <location filename="../../app/training/finetune_views.py" line="39"/>
        <source>Held-out accuracy</source>
        <translation>Exactitud en validación</translation>
    </message>
    <message>
        <location filename="../../app/training/finetune_views.py" line="45"/>
        <source>chance</source>
        <translation>azar</translation>
    </message>
    <message>
        <location filename="../../app/training/finetune_views.py" line="116"/>
        <source>Try a sentence</source>
        <translation>Prueba una frase</translation>
    </message>
    <message>
        <location filename="../../app/training/finetune_views.py" line="119"/>
        <source>Type a sentence, e.g. The film was a delight from start to finish.</source>
        <translation>Escribe una frase, p. ej. The film was a delight from start to finish.</translation>
    </message>
    <message>
        <location filename="../../app/training/finetune_views.py" line="123"/>
        <source>Before fine-tuning the new head is untrained: it tends to give one label to almost every sentence, whatever it says.</source>
        <translation>Antes del ajuste fino la nueva cabeza no está entrenada: tiende a dar una misma etiqueta a casi cualquier frase, diga lo que diga.</translation>
    </message>
    <message>
        <location filename="../../app/training/finetune_views.py" line="147"/>
        <source>Before fine-tuning: {0}</source>
        <translation>Antes del ajuste fino: {0}</translation>
    </message>
    <message>
        <location filename="../../app/training/finetune_views.py" line="148"/>
        <source>Before fine-tuning: (base gone)</source>
        <translation>Antes del ajuste fino: (base eliminada)</translation>
    </message>
    <message>
        <location filename="../../app/training/finetune_views.py" line="150"/>
        <source>after: {0}</source>
        <translation>después: {0}</translation>
    </message>
    <message>
        <location filename="../../app/training/finetune_views.py" line="152"/>
        <source>after: (training…)</source>
        <translation>después: (entrenando…)</translation>
    </message>
    <message>
        <location filename="../../app/training/form.py" line="38"/>
        <source>Tiny (the quickest to train)</source>
        <translation>Diminuto (el más rápido)</translation>
    </message>
    <message>
        <location filename="../../app/training/form.py" line="38"/>
        <source>Small</source>
        <translation>Pequeño</translation>
    </message>
    <message>
        <location filename="../../app/training/form.py" line="39"/>
        <source>Like the shipped model</source>
        <translation>Como el modelo incluido</translation>
    </message>
    <message>
        <location filename="../../app/training/form.py" line="39"/>
        <source>Custom sizes</source>
        <translation>Tamaños a medida</translation>
    </message>
    <message>
        <location filename="../../app/training/form.py" line="40"/>
        <source>BPE (sub-words)</source>
        <translation>BPE (subpalabras)</translation>
    </message>
    <message>
        <location filename="../../app/training/form.py" line="67"/>
        <source>1  Text to learn from</source>
        <translation>1  Texto del que aprender</translation>
    </message>
    <message>
        <location filename="../../app/training/form.py" line="70"/>
        <source>Shakespeare</source>
        <translation>Shakespeare</translation>
    </message>
    <message>
        <location filename="../../app/training/form.py" line="71"/>
        <source>The complete plays and poems, bundled with LM Anatomy</source>
        <translation>Las obras completas y los poemas, incluidos con LM Anatomy</translation>
    </message>
    <message>
        <location filename="../../app/training/form.py" line="72"/>
        <source>Text files to learn from</source>
        <translation>Archivos de texto de los que aprender</translation>
    </message>
    <message>
        <location filename="../../app/training/form.py" line="73"/>
        <source>Text (*.txt *.text);;All files (*)</source>
        <translation>Texto (*.txt *.text);;Todos los archivos (*)</translation>
    </message>
    <message>
        <location filename="../../app/training/form.py" line="78"/>
        <location filename="../../app/training/form.py" line="247"/>
        <source>The bundled Shakespeare</source>
        <translation>El Shakespeare incluido</translation>
    </message>
    <message>
        <location filename="../../app/training/form.py" line="86"/>
        <location filename="../../app/training/form.py" line="268"/>
        <source>You can also drop .txt files or a folder here.</source>
        <translation>También puedes soltar aquí archivos .txt o una carpeta.</translation>
    </message>
    <message>
        <location filename="../../app/training/form.py" line="92"/>
        <source>2  Tokenizer</source>
        <translation>2  Tokenizador</translation>
    </message>
    <message>
        <location filename="../../app/training/form.py" line="97"/>
        <source>Show what it does</source>
        <translation>Mostrar lo que hace</translation>
    </message>
    <message>
        <location filename="../../app/training/form.py" line="99"/>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <location filename="../../app/training/form.py" line="100"/>
        <source>Vocabulary</source>
        <translation>Vocabulario</translation>
    </message>
    <message>
        <location filename="../../app/training/form.py" line="108"/>
        <source>3  Model</source>
        <translation>3  Modelo</translation>
    </message>
    <message>
        <location filename="../../app/training/form.py" line="114"/>
        <source>Learned</source>
        <translation>Aprendidas</translation>
    </message>
    <message>
        <location filename="../../app/training/form.py" line="114"/>
        <source>Sinusoidal</source>
        <translation>Sinusoidales</translation>
    </message>
    <message>
        <location filename="../../app/training/form.py" line="115"/>
        <source>RoPE (rotary)</source>
        <translation>RoPE (rotatorias)</translation>
    </message>
    <message>
        <location filename="../../app/training/form.py" line="116"/>
        <source>Next token (causal, like GPT)</source>
        <translation>Siguiente token (causal, GPT)</translation>
    </message>
    <message>
        <location filename="../../app/training/form.py" line="117"/>
        <source>Fill in blanks (masked, like BERT)</source>
        <translation>Rellenar huecos (máscara, BERT)</translation>
    </message>
    <message>
        <location filename="../../app/training/form.py" line="119"/>
        <source>&lt;b&gt;Next token&lt;/b&gt;: the model reads the text left to right and learns to predict each next token; it can generate text.&lt;br&gt;&lt;b&gt;Fill in blanks&lt;/b&gt;: 15% of the tokens are hidden (most behind [MASK]) and the model learns to guess them from the words on both sides; it cannot generate text, but the explorer&apos;s Fill the blank stage shows what it guesses.</source>
        <translation>&lt;b&gt;Siguiente token&lt;/b&gt;: el modelo lee el texto de izquierda a derecha y aprende a predecir cada siguiente token; puede generar texto.&lt;br&gt;&lt;b&gt;Rellenar huecos&lt;/b&gt;: se ocultan el 15 % de los tokens (la mayoría tras [MASK]) y el modelo aprende a adivinarlos a partir de las palabras de ambos lados; no puede generar texto, pero la etapa Rellenar el hueco del explorador muestra lo que adivina.</translation>
    </message>
    <message>
        <location filename="../../app/training/form.py" line="124"/>
        <source>layers</source>
        <translation>capas</translation>
    </message>
    <message>
        <location filename="../../app/training/form.py" line="124"/>
        <source>heads</source>
        <translation>cabezas</translation>
    </message>
    <message>
        <location filename="../../app/training/form.py" line="131"/>
        <source>Size</source>
        <translation>Tamaño</translation>
    </message>
    <message>
        <location filename="../../app/training/form.py" line="135"/>
        <source>Context</source>
        <translation>Contexto</translation>
    </message>
    <message>
        <location filename="../../app/training/form.py" line="136"/>
        <source>Objective</source>
        <translation>Objetivo</translation>
    </message>
    <message>
        <location filename="../../app/training/form.py" line="145"/>
        <source>4  Training</source>
        <translation>4  Entrenamiento</translation>
    </message>
    <message>
        <location filename="../../app/training/form.py" line="157"/>
        <source>never</source>
        <translation>nunca</translation>
    </message>
    <message>
        <location filename="../../app/training/form.py" line="163"/>
        <source>Sample every</source>
        <translation>Muestra cada</translation>
    </message>
    <message>
        <location filename="../../app/training/form.py" line="164"/>
        <source>Sample prompt</source>
        <translation>Prompt de las muestras</translation>
    </message>
    <message>
        <location filename="../../app/training/form.py" line="165"/>
        <source>Run name</source>
        <translation>Nombre de la ejecución</translation>
    </message>
    <message>
        <location filename="../../app/training/form.py" line="227"/>
        <source>A fill-in-blanks model cannot continue text: no samples</source>
        <translation>Un modelo de rellenar huecos no puede continuar un texto: no hay muestras</translation>
    </message>
    <message>
        <location filename="../../app/training/form.py" line="250"/>
        <source>Your text: {0}</source>
        <translation>Tu texto: {0}</translation>
    </message>
    <message>
        <location filename="../../app/training/form.py" line="262"/>
        <source>{0} MB</source>
        <translation>{0} MB</translation>
    </message>
    <message>
        <location filename="../../app/training/form.py" line="262"/>
        <source>{0} KB</source>
        <translation>{0} KB</translation>
    </message>
    <message>
        <location filename="../../app/training/form.py" line="263"/>
        <source>1 file</source>
        <translation>1 archivo</translation>
    </message>
    <message>
        <location filename="../../app/training/form.py" line="263"/>
        <source>{0} files</source>
        <translation>{0} archivos</translation>
    </message>
    <message>
        <location filename="../../app/training/form.py" line="265"/>
        <source>{0}, {1} characters ({2})</source>
        <translation>{0}, {1} caracteres ({2})</translation>
    </message>
    <message>
        <location filename="../../app/training/form.py" line="278"/>
        <source>{0} tokens, trained in {1} s; about {2} characters a token.&lt;br&gt;A {3}-character line becomes &lt;b&gt;{4} tokens&lt;/b&gt;: {5}&lt;br&gt;Some entries: {6}</source>
        <translation>{0} tokens, entrenado en {1} s; unos {2} caracteres por token.&lt;br&gt;Una línea de {3} caracteres se convierte en &lt;b&gt;{4} tokens&lt;/b&gt;: {5}&lt;br&gt;Algunas entradas: {6}</translation>
    </message>
    <message>
        <location filename="../../app/training/form.py" line="291"/>
        <source>{0} parameters</source>
        <translation>{0} parámetros</translation>
    </message>
    <message>
        <location filename="../../app/training/jobs.py" line="36"/>
        <source>Reading the corpus…</source>
        <translation>Leyendo el corpus…</translation>
    </message>
    <message>
        <location filename="../../app/training/jobs.py" line="36"/>
        <location filename="../../app/training/jobs.py" line="77"/>
        <source>Turning the text into token ids…</source>
        <translation>Convirtiendo el texto en ids de token…</translation>
    </message>
    <message>
        <location filename="../../app/training/jobs.py" line="37"/>
        <source>Building the model…</source>
        <translation>Construyendo el modelo…</translation>
    </message>
    <message>
        <location filename="../../app/training/jobs.py" line="41"/>
        <source>Training the tokenizer…</source>
        <translation>Entrenando el tokenizador…</translation>
    </message>
    <message>
        <location filename="../../app/training/jobs.py" line="53"/>
        <source>{0} documents, {1:,} characters → {2:,} training and {3:,} validation tokens · {4:,} parameters · {5}</source>
        <translation>{0} documentos, {1:,} caracteres → {2:,} tokens de entrenamiento y {3:,} de validación · {4:,} parámetros · {5}</translation>
    </message>
    <message>
        <location filename="../../app/training/jobs.py" line="77"/>
        <source>Reading your text…</source>
        <translation>Leyendo tu texto…</translation>
    </message>
    <message>
        <location filename="../../app/training/jobs.py" line="82"/>
        <source>{0} file(s), {1:,} characters → {2:,} tokens with the base model&apos;s {3} tokenizer · {4:,} parameters · {5}</source>
        <translation>{0} archivo(s), {1:,} caracteres → {2:,} tokens con el tokenizador {3} del modelo base · {4:,} parámetros · {5}</translation>
    </message>
    <message>
        <location filename="../../app/training/jobs.py" line="93"/>
        <source>The device ran out of memory. Make the job smaller: halve the batch size (now {0}), shorten the context (now {1} tokens), or pick a smaller model (now {2} layers × d_model {3}); or train on the CPU.</source>
        <translation>El dispositivo se quedó sin memoria. Reduce el trabajo: divide entre dos el tamaño de lote (ahora {0}), acorta el contexto (ahora {1} tokens) o elige un modelo más pequeño (ahora {2} capas × d_model {3}); o entrena en la CPU.</translation>
    </message>
    <message>
        <location filename="../../app/training/labelled_table.py" line="51"/>
        <source>label</source>
        <translation>etiqueta</translation>
    </message>
    <message>
        <location filename="../../app/training/labelled_table.py" line="51"/>
        <source>split</source>
        <translation>partición</translation>
    </message>
    <message>
        <location filename="../../app/training/labelled_table.py" line="59"/>
        <source>Examples</source>
        <translation>Ejemplos</translation>
    </message>
    <message>
        <location filename="../../app/training/labelled_table.py" line="60"/>
        <source>Import…</source>
        <translation>Importar…</translation>
    </message>
    <message>
        <location filename="../../app/training/labelled_table.py" line="61"/>
        <source>Export…</source>
        <translation>Exportar…</translation>
    </message>
    <message>
        <location filename="../../app/training/labelled_table.py" line="64"/>
        <source>Load the bundled sentiment examples (positive / negative)</source>
        <translation>Cargar los ejemplos de sentimiento incluidos (positivo / negativo)</translation>
    </message>
    <message>
        <location filename="../../app/training/labelled_table.py" line="65"/>
        <source>Import a CSV file with the columns text,label (and optionally split)</source>
        <translation>Importar un archivo CSV con las columnas text,label (y, si se quiere, split)</translation>
    </message>
    <message>
        <location filename="../../app/training/labelled_table.py" line="66"/>
        <source>Save the table as CSV (text,label,split)</source>
        <translation>Guardar la tabla como CSV (text,label,split)</translation>
    </message>
    <message>
        <location filename="../../app/training/labelled_table.py" line="67"/>
        <source>Add a row</source>
        <translation>Añadir una fila</translation>
    </message>
    <message>
        <location filename="../../app/training/labelled_table.py" line="68"/>
        <source>Remove the selected rows</source>
        <translation>Quitar las filas seleccionadas</translation>
    </message>
    <message>
        <location filename="../../app/training/labelled_table.py" line="128"/>
        <source>row {0}: {1}; skipped</source>
        <translation>fila {0}: {1}; omitida</translation>
    </message>
    <message>
        <location filename="../../app/training/labelled_table.py" line="128"/>
        <source>no label</source>
        <translation>sin etiqueta</translation>
    </message>
    <message>
        <location filename="../../app/training/labelled_table.py" line="128"/>
        <source>the text is empty</source>
        <translation>el texto está vacío</translation>
    </message>
    <message>
        <location filename="../../app/training/labelled_table.py" line="132"/>
        <source>row {0}: split must be train or test, not {1}; skipped</source>
        <translation>fila {0}: split debe ser train o test, no {1}; omitida</translation>
    </message>
    <message>
        <location filename="../../app/training/labelled_table.py" line="138"/>
        <source>the table has no usable rows</source>
        <translation>la tabla no tiene filas utilizables</translation>
    </message>
    <message>
        <location filename="../../app/training/labelled_table.py" line="148"/>
        <source>&lt;b&gt;Could not import {0}:&lt;/b&gt; {1}</source>
        <translation>&lt;b&gt;No se pudo importar {0}:&lt;/b&gt; {1}</translation>
    </message>
    <message>
        <location filename="../../app/training/labelled_table.py" line="159"/>
        <source>{0} examples from {1} · labels: {2} · {3} held out for testing</source>
        <translation>{0} ejemplos de {1} · etiquetas: {2} · {3} reservados para prueba</translation>
    </message>
    <message>
        <location filename="../../app/training/labelled_table.py" line="164"/>
        <source>&lt;b&gt;{0} row(s) skipped:&lt;/b&gt;</source>
        <translation>&lt;b&gt;{0} fila(s) omitida(s):&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../app/training/labelled_table.py" line="168"/>
        <source>Import labelled examples</source>
        <translation>Importar ejemplos etiquetados</translation>
    </message>
    <message>
        <location filename="../../app/training/labelled_table.py" line="169"/>
        <location filename="../../app/training/labelled_table.py" line="258"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../app/training/labelled_table.py" line="183"/>
        <source>Importing {0}…</source>
        <translation>Importando {0}…</translation>
    </message>
    <message>
        <location filename="../../app/training/labelled_table.py" line="203"/>
        <source>&lt;b&gt;Could not import:&lt;/b&gt; {0}</source>
        <translation>&lt;b&gt;No se pudo importar:&lt;/b&gt; {0}</translation>
    </message>
    <message>
        <location filename="../../app/training/labelled_table.py" line="229"/>
        <source>Importing {0}… {1} of {2} rows</source>
        <translation>Importando {0}… {1} de {2} filas</translation>
    </message>
    <message>
        <location filename="../../app/training/labelled_table.py" line="257"/>
        <source>Export labelled examples</source>
        <translation>Exportar ejemplos etiquetados</translation>
    </message>
    <message>
        <location filename="../../app/training/pretrain.py" line="30"/>
        <source>Stopping: saving a checkpoint…</source>
        <translation>Deteniendo: guardando un punto de control…</translation>
    </message>
    <message>
        <location filename="../../app/training/pretrain.py" line="30"/>
        <source> and all its checkpoints</source>
        <translation> y todos sus puntos de control</translation>
    </message>
    <message>
        <location filename="../../app/training/pretrain.py" line="36"/>
        <source>Choose a text, a tokenizer and a model size, then press Start.</source>
        <translation>Elige un texto, un tokenizador y un tamaño de modelo, y pulsa Empezar.</translation>
    </message>
    <message>
        <location filename="../../app/training/pretrain.py" line="37"/>
        <source>Tick runs to overlay their loss curves on the plot above.</source>
        <translation>Marca ejecuciones para superponer sus curvas de pérdida en el gráfico de arriba.</translation>
    </message>
    <message>
        <location filename="../../app/training/pretrain.py" line="65"/>
        <source>Resume</source>
        <translation>Reanudar</translation>
    </message>
    <message>
        <location filename="../../app/training/pretrain.py" line="86"/>
        <source>Training the tokenizer on your text…</source>
        <translation>Entrenando el tokenizador con tu texto…</translation>
    </message>
    <message>
        <location filename="../../app/training/pretrain.py" line="92"/>
        <source>Measuring a training step…</source>
        <translation>Midiendo un paso de entrenamiento…</translation>
    </message>
    <message>
        <location filename="../../app/training/pretrain.py" line="103"/>
        <source>These model sizes do not fit together: {0}</source>
        <translation>Estos tamaños de modelo no encajan entre sí: {0}</translation>
    </message>
    <message>
        <location filename="../../app/training/pretrain.py" line="112"/>
        <source>{0} cannot be resumed: it has no resumable checkpoint.</source>
        <translation>{0} no se puede reanudar: no tiene ningún punto de control reanudable.</translation>
    </message>
    <message>
        <location filename="../../app/training/pretrain.py" line="128"/>
        <source>Preparing…</source>
        <translation>Preparando…</translation>
    </message>
    <message>
        <location filename="../../app/training/pretrain.py" line="149"/>
        <source>{0} tokens/s · {1} left</source>
        <translation>{0} tokens/s · faltan {1}</translation>
    </message>
    <message>
        <location filename="../../app/training/pretrain.py" line="167"/>
        <source>Training stopped</source>
        <translation>Entrenamiento detenido</translation>
    </message>
    <message>
        <location filename="../../app/training/pretrain.py" line="193"/>
        <source>{0}: {1}, step {2} of {3}.</source>
        <translation>{0}: {1}, paso {2} de {3}.</translation>
    </message>
    <message>
        <location filename="../../app/training/pretrain_views.py" line="28"/>
        <source>Every few steps the model continues the sample prompt. Watch noise turn into letters, then words.</source>
        <translation>Cada pocos pasos el modelo continúa el prompt de las muestras. Mira cómo el ruido se convierte en letras y luego en palabras.</translation>
    </message>
    <message>
        <location filename="../../app/training/pretrain_views.py" line="35"/>
        <location filename="../../app/training/pretrain_views.py" line="82"/>
        <location filename="../../app/training/timeline.py" line="93"/>
        <source>step {0}</source>
        <translation>paso {0}</translation>
    </message>
    <message>
        <location filename="../../app/training/pretrain_views.py" line="50"/>
        <source>Snapshots are kept about ten times a run; the latest checkpoint is what Resume uses.</source>
        <translation>Se guardan instantáneas unas diez veces por ejecución; el último punto de control es el que usa Reanudar.</translation>
    </message>
    <message>
        <location filename="../../app/training/pretrain_views.py" line="73"/>
        <source>snapshot</source>
        <translation>instantánea</translation>
    </message>
    <message>
        <location filename="../../app/training/pretrain_views.py" line="78"/>
        <source>latest checkpoint</source>
        <translation>último punto de control</translation>
    </message>
    <message>
        <location filename="../../app/training/pretrain_views.py" line="105"/>
        <source>Resume it</source>
        <translation>Reanudarla</translation>
    </message>
    <message>
        <location filename="../../app/training/pretrain_views.py" line="119"/>
        <source>The run “{0}” stopped at step {1} of {2}. Its checkpoint is saved.</source>
        <translation>La ejecución «{0}» se detuvo en el paso {1} de {2}. Su punto de control está guardado.</translation>
    </message>
    <message>
        <location filename="../../app/training/run_list.py" line="28"/>
        <source>new</source>
        <translation>nueva</translation>
    </message>
    <message>
        <location filename="../../app/training/run_list.py" line="28"/>
        <source>running</source>
        <translation>en marcha</translation>
    </message>
    <message>
        <location filename="../../app/training/run_list.py" line="28"/>
        <source>stopped</source>
        <translation>detenida</translation>
    </message>
    <message>
        <location filename="../../app/training/run_list.py" line="29"/>
        <source>failed</source>
        <translation>fallida</translation>
    </message>
    <message>
        <location filename="../../app/training/run_list.py" line="29"/>
        <source>done</source>
        <translation>terminada</translation>
    </message>
    <message>
        <location filename="../../app/training/run_list.py" line="29"/>
        <source>diverged</source>
        <translation>divergió</translation>
    </message>
    <message>
        <location filename="../../app/training/run_list.py" line="30"/>
        <source>diverged (checkpoint kept)</source>
        <translation>divergió (punto de control conservado)</translation>
    </message>
    <message>
        <location filename="../../app/training/run_list.py" line="39"/>
        <source>{0} · {1} · {2}/{3} steps · {4}</source>
        <translation>{0} · {1} · {2}/{3} pasos · {4}</translation>
    </message>
    <message>
        <location filename="../../app/training/run_list.py" line="59"/>
        <source>Show</source>
        <translation>Mostrar</translation>
    </message>
    <message>
        <location filename="../../app/training/run_list.py" line="60"/>
        <source>Delete…</source>
        <translation>Borrar…</translation>
    </message>
    <message>
        <location filename="../../app/training/run_list.py" line="135"/>
        <source>Delete run</source>
        <translation>Borrar ejecución</translation>
    </message>
    <message>
        <location filename="../../app/training/run_list.py" line="135"/>
        <source>Delete the run “{0}”{1}?</source>
        <translation>¿Borrar la ejecución «{0}»{1}?</translation>
    </message>
    <message>
        <location filename="../../app/training/timeline.py" line="103"/>
        <source>Watch it learn</source>
        <translation>Míralo aprender</translation>
    </message>
    <message>
        <location filename="../../app/training/timeline.py" line="149"/>
        <source>after step {0} of {1}</source>
        <translation>tras el paso {0} de {1}</translation>
    </message>
    <message>
        <location filename="../../app/training/timeline.py" line="150"/>
        <source>before training (random weights)</source>
        <translation>antes de entrenar (pesos aleatorios)</translation>
    </message>
    <message>
        <location filename="../../app/training/worker.py" line="85"/>
        <source>The training worker ended without saying why.</source>
        <translation>El proceso de entrenamiento terminó sin decir por qué.</translation>
    </message>
    <message>
        <location filename="../../app/training/worker.py" line="127"/>
        <source>The training could not run: {0}: {1}</source>
        <translation>El entrenamiento no pudo ejecutarse: {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../app/training/worker.py" line="135"/>
        <source>Starting the training process…</source>
        <translation>Iniciando el proceso de entrenamiento…</translation>
    </message>
    <message>
        <location filename="../../app/training/worker.py" line="203"/>
        <source>did not stop in time and was ended</source>
        <translation>no se detuvo a tiempo y se finalizó</translation>
    </message>
    <message>
        <location filename="../../app/training/worker.py" line="208"/>
        <source>signal {0}</source>
        <translation>señal {0}</translation>
    </message>
    <message>
        <location filename="../../app/training/worker.py" line="209"/>
        <source>was killed ({0})</source>
        <translation>fue terminado a la fuerza ({0})</translation>
    </message>
    <message>
        <location filename="../../app/training/worker.py" line="211"/>
        <source>; if nobody ended it, the computer may have run out of memory</source>
        <translation>; si nadie lo terminó, puede que el equipo se quedara sin memoria</translation>
    </message>
    <message>
        <location filename="../../app/training/worker.py" line="213"/>
        <source>ended unexpectedly (exit status {0})</source>
        <translation>terminó de forma inesperada (código de salida {0})</translation>
    </message>
    <message>
        <location filename="../../app/training/worker.py" line="215"/>
        <source>Its last checkpoint (step {0}) is kept: resume the run from Past runs.</source>
        <translation>Su último punto de control (paso {0}) se conserva: reanuda la ejecución desde Ejecuciones anteriores.</translation>
    </message>
    <message>
        <location filename="../../app/training/worker.py" line="218"/>
        <location filename="../../model/train.py" line="294"/>
        <source>No checkpoint had been saved yet.</source>
        <translation>Aún no se había guardado ningún punto de control.</translation>
    </message>
    <message>
        <location filename="../../app/training/worker.py" line="219"/>
        <source>The training process {0}. {1}</source>
        <translation>El proceso de entrenamiento {0}. {1}</translation>
    </message>
    <message>
        <location filename="../../app/common/worker.py" line="96"/>
        <source>The engine could not be loaded: {0}</source>
        <translation>No se pudo cargar el motor: {0}</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/embeddings_keys.py" line="119"/>
        <source>Highlighted: {0}. Enter shows its nearest neighbours.</source>
        <translation>Resaltado: {0}. Intro muestra sus vecinos más cercanos.</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/embeddings_keys.py" line="123"/>
        <source>The arrow keys move to the next coloured dot; + and - zoom, 0 shows the whole map.</source>
        <translation>Las flechas llevan al siguiente punto de color; + y - acercan y alejan, 0 muestra el mapa entero.</translation>
    </message>
    <message>
        <location filename="../../app/training/child.py" line="167"/>
        <source>(metrics.csv could not be written: {0})</source>
        <translation>(no se pudo escribir metrics.csv: {0})</translation>
    </message>
    <message>
        <location filename="../../app/training/classify_runs.py" line="126"/>
        <source>unreadable ({0})</source>
        <translation>ilegible ({0})</translation>
    </message>
    <message>
        <location filename="../../model/bias_probe.py" line="46"/>
        <source>The template needs exactly one slot like {0}; it has {1}.</source>
        <translation>La plantilla necesita exactamente un hueco como {0}; tiene {1}.</translation>
    </message>
    <message>
        <location filename="../../model/bias_probe.py" line="51"/>
        <source>The slot needs at least two non-empty fillers separated by |, like {0}.</source>
        <translation>El hueco necesita al menos dos rellenos no vacíos separados por |, como {0}.</translation>
    </message>
    <message>
        <location filename="../../model/bias_probe.py" line="61"/>
        <source>Name at least one target word whose probability to read, like: he, she.</source>
        <translation>Indica al menos una palabra objetivo cuya probabilidad leer, como: he, she.</translation>
    </message>
    <message>
        <location filename="../../model/bias_probe.py" line="69"/>
        <source>A probe needs &apos;template&apos; and &apos;targets&apos; ({0}).</source>
        <translation>Una sonda necesita &apos;template&apos; y &apos;targets&apos; ({0}).</translation>
    </message>
    <message>
        <location filename="../../model/bias_probe.py" line="117"/>
        <source>The target {0} has no tokens in this model&apos;s vocabulary.</source>
        <translation>El objetivo {0} no tiene tokens en el vocabulario de este modelo.</translation>
    </message>
    <message>
        <location filename="../../model/bias_probe.py" line="142"/>
        <source>Split into several tokens, so only the first token&apos;s probability is shown: {0}</source>
        <translation>Partidos en varios tokens, así que solo se muestra la probabilidad del primer token: {0}</translation>
    </message>
    <message>
        <location filename="../../model/bias_probe.py" line="146"/>
        <source>Not in this model&apos;s vocabulary (read as the unknown token): {0}</source>
        <translation>No están en el vocabulario de este modelo (se leen como el token desconocido): {0}</translation>
    </message>
    <message>
        <location filename="../../model/bias_probe.py" line="150"/>
        <source>Some targets begin with the same token, so their probabilities are equal: {0}. With a character tokenizer, end the template with a space.</source>
        <translation>Algunos objetivos empiezan por el mismo token, así que sus probabilidades son iguales: {0}. Con un tokenizador de caracteres, termina la plantilla con un espacio.</translation>
    </message>
    <message>
        <location filename="../../model/checkpoint.py" line="45"/>
        <source>is a PyTorch/pickle file. LM Anatomy never loads pickle files, because unpickling can run any code hidden inside them. Convert the weights to model.safetensors first.</source>
        <translation>es un archivo de PyTorch/pickle. LM Anatomy nunca carga archivos pickle, porque al deserializarlos se puede ejecutar cualquier código escondido en ellos. Convierte antes los pesos a model.safetensors.</translation>
    </message>
    <message>
        <location filename="../../model/checkpoint.py" line="97"/>
        <source>missing (a model folder needs config.json, model.safetensors and tokenizer.json)</source>
        <translation>falta (una carpeta de modelo necesita config.json, model.safetensors y tokenizer.json)</translation>
    </message>
    <message>
        <location filename="../../model/checkpoint.py" line="103"/>
        <source>not a valid model configuration ({0})</source>
        <translation>no es una configuración de modelo válida ({0})</translation>
    </message>
    <message>
        <location filename="../../model/checkpoint.py" line="110"/>
        <source>missing</source>
        <translation>falta</translation>
    </message>
    <message>
        <location filename="../../model/checkpoint.py" line="117"/>
        <source>truncated: {0} bytes is too short for a safetensors file</source>
        <translation>truncado: {0} bytes es demasiado poco para un archivo safetensors</translation>
    </message>
    <message>
        <location filename="../../model/checkpoint.py" line="122"/>
        <source>truncated or not a safetensors file (its header runs past the end of the file)</source>
        <translation>truncado o no es un archivo safetensors (su cabecera pasa del final del archivo)</translation>
    </message>
    <message>
        <location filename="../../model/checkpoint.py" line="126"/>
        <source>corrupted or truncated safetensors file ({0})</source>
        <translation>archivo safetensors dañado o truncado ({0})</translation>
    </message>
    <message>
        <location filename="../../model/checkpoint.py" line="137"/>
        <source>missing tensors {0}</source>
        <translation>faltan los tensores {0}</translation>
    </message>
    <message>
        <location filename="../../model/checkpoint.py" line="140"/>
        <location filename="../../model/gpt2.py" line="105"/>
        <source>unexpected tensors {0}</source>
        <translation>tensores inesperados {0}</translation>
    </message>
    <message>
        <location filename="../../model/checkpoint.py" line="146"/>
        <source>tensor {0} is stored as {1}, not as floating-point numbers: weights must be {2} (converting it would give wrong results silently)</source>
        <translation>el tensor {0} está guardado como {1}, no como números de coma flotante: los pesos deben ser {2} (convertirlo daría resultados erróneos sin avisar)</translation>
    </message>
    <message>
        <location filename="../../model/checkpoint.py" line="170"/>
        <source>{0} is not the tokenizer these weights were trained with (its fingerprint differs from the one recorded in {1}), so every token may mean something else to the model; put back the model&apos;s own tokenizer.json</source>
        <translation>{0} no es el tokenizador con el que se entrenaron estos pesos (su huella difiere de la registrada en {1}), así que cada token puede significar otra cosa para el modelo; vuelve a poner el tokenizer.json propio del modelo</translation>
    </message>
    <message>
        <location filename="../../model/checkpoint.py" line="188"/>
        <source>no such folder</source>
        <translation>no existe esa carpeta</translation>
    </message>
    <message>
        <location filename="../../model/checkpoint.py" line="192"/>
        <source>not a model folder (expected a folder with config.json, model.safetensors, tokenizer.json)</source>
        <translation>no es una carpeta de modelo (se esperaba una carpeta con config.json, model.safetensors, tokenizer.json)</translation>
    </message>
    <message>
        <location filename="../../model/checkpoint.py" line="206"/>
        <source>has no [MASK] token, but config.json says the model was trained to fill in [MASK] tokens (objective &apos;masked&apos;)</source>
        <translation>no tiene token [MASK], pero config.json dice que el modelo se entrenó para rellenar tokens [MASK] (objetivo &apos;masked&apos;)</translation>
    </message>
    <message>
        <location filename="../../model/classify.py" line="149"/>
        <source>classification needs at least two labels; found {0}</source>
        <translation>la clasificación necesita al menos dos etiquetas; se encontró {0}</translation>
    </message>
    <message>
        <location filename="../../model/classify.py" line="155"/>
        <source>no training rows (every row is marked test)</source>
        <translation>no hay filas de entrenamiento (todas las filas están marcadas como test)</translation>
    </message>
    <message>
        <location filename="../../model/classify.py" line="193"/>
        <source>Stopped at step {0}.</source>
        <translation>Detenido en el paso {0}.</translation>
    </message>
    <message>
        <location filename="../../model/classify.py" line="207"/>
        <source>The loss became {0} at step {1}: the learning rate ({2:g}) is probably too high; try a smaller one.</source>
        <translation>La pérdida pasó a ser {0} en el paso {1}: la tasa de aprendizaje ({2:g}) es probablemente demasiado alta; prueba con una menor.</translation>
    </message>
    <message>
        <location filename="../../model/compute.py" line="99"/>
        <source>its machine</source>
        <translation>su máquina</translation>
    </message>
    <message>
        <location filename="../../model/compute.py" line="100"/>
        <source>training.json: {0} tokens in {1} s on {2}</source>
        <translation>training.json: {0} tokens en {1} s en {2}</translation>
    </message>
    <message>
        <location filename="../../model/compute.py" line="131"/>
        <source>measured here: {0} forward + backward passes of {1}×{2} tokens</source>
        <translation>medido aquí: {0} pasadas hacia delante + hacia atrás de {1}×{2} tokens</translation>
    </message>
    <message>
        <location filename="../../model/compute.py" line="159"/>
        <source>Radford et al. 2019, &apos;Language Models are Unsupervised Multitask Learners&apos;, Table 2 (1542M parameters, 48 layers, d_model 1600). Trained on WebText (about 40 GB of text); the number of training tokens was not published.</source>
        <translation>Radford et al. 2019, &apos;Language Models are Unsupervised Multitask Learners&apos;, tabla 2 (1542 millones de parámetros, 48 capas, d_model 1600). Entrenado con WebText (unos 40 GB de texto); no se publicó el número de tokens de entrenamiento.</translation>
    </message>
    <message>
        <location filename="../../model/compute.py" line="162"/>
        <source>Radford et al. 2019, Table 2</source>
        <translation>Radford et al. 2019, tabla 2</translation>
    </message>
    <message>
        <location filename="../../model/compute.py" line="164"/>
        <source>training tokens not published, so 6·N·D cannot be computed</source>
        <translation>los tokens de entrenamiento no se publicaron, así que 6·N·D no se puede calcular</translation>
    </message>
    <message>
        <location filename="../../model/compute.py" line="168"/>
        <source>Brown et al. 2020, &apos;Language Models are Few-Shot Learners&apos;: Table 2.1 (175.0B parameters, 96 layers, d_model 12288, context 2048) and Table D.1 (300 billion training tokens, 3.14e23 FLOPs).</source>
        <translation>Brown et al. 2020, &apos;Language Models are Few-Shot Learners&apos;: tabla 2.1 (175.0 mil millones de parámetros, 96 capas, d_model 12288, contexto 2048) y tabla D.1 (300 mil millones de tokens de entrenamiento, 3.14e23 FLOPs).</translation>
    </message>
    <message>
        <location filename="../../model/compute.py" line="170"/>
        <source>Brown et al. 2020, Tables 2.1 and D.1</source>
        <translation>Brown et al. 2020, tablas 2.1 y D.1</translation>
    </message>
    <message>
        <location filename="../../model/compute.py" line="175"/>
        <source>Hoffmann et al. 2022, &apos;Training Compute-Optimal Large Language Models&apos;, Table 1 (70 billion parameters, 1.4 trillion training tokens).</source>
        <translation>Hoffmann et al. 2022, &apos;Training Compute-Optimal Large Language Models&apos;, tabla 1 (70 mil millones de parámetros, 1.4 billones de tokens de entrenamiento).</translation>
    </message>
    <message>
        <location filename="../../model/compute.py" line="177"/>
        <source>Hoffmann et al. 2022, Table 1</source>
        <translation>Hoffmann et al. 2022, tabla 1</translation>
    </message>
    <message>
        <location filename="../../model/compute.py" line="197"/>
        <source>{0} trillion</source>
        <translation>{0} billones</translation>
    </message>
    <message>
        <location filename="../../model/compute.py" line="197"/>
        <source>{0} billion</source>
        <translation>{0} mil millones</translation>
    </message>
    <message>
        <location filename="../../model/compute.py" line="197"/>
        <source>{0} million</source>
        <translation>{0} millones</translation>
    </message>
    <message>
        <location filename="../../model/compute.py" line="199"/>
        <source>{0} trillion {1}</source>
        <translation>{0} billones de {1}</translation>
    </message>
    <message>
        <location filename="../../model/compute.py" line="199"/>
        <source>{0} billion {1}</source>
        <translation>{0} mil millones de {1}</translation>
    </message>
    <message>
        <location filename="../../model/compute.py" line="199"/>
        <source>{0} million {1}</source>
        <translation>{0} millones de {1}</translation>
    </message>
    <message>
        <location filename="../../model/compute.py" line="200"/>
        <source>{0} years</source>
        <translation>{0} años</translation>
    </message>
    <message>
        <location filename="../../model/compute.py" line="200"/>
        <source>{0} days</source>
        <translation>{0} días</translation>
    </message>
    <message>
        <location filename="../../model/compute.py" line="201"/>
        <source>{0} hours</source>
        <translation>{0} horas</translation>
    </message>
    <message>
        <location filename="../../model/compute.py" line="201"/>
        <source>{0} min</source>
        <translation>{0} min</translation>
    </message>
    <message>
        <location filename="../../model/config.py" line="34"/>
        <source>positional must be one of {0}, not {1}</source>
        <translation>positional debe ser uno de {0}, no {1}</translation>
    </message>
    <message>
        <location filename="../../model/config.py" line="39"/>
        <source>{0} must be a positive integer, not {1}</source>
        <translation>{0} debe ser un entero positivo, no {1}</translation>
    </message>
    <message>
        <location filename="../../model/config.py" line="41"/>
        <source>d_model ({0}) must be divisible by n_head ({1})</source>
        <translation>d_model ({0}) debe ser divisible entre n_head ({1})</translation>
    </message>
    <message>
        <location filename="../../model/config.py" line="44"/>
        <source>RoPE needs an even head width, not {0}</source>
        <translation>RoPE necesita una anchura de cabeza par, no {0}</translation>
    </message>
    <message>
        <location filename="../../model/config.py" line="46"/>
        <source>sinusoidal positions need an even d_model, not {0}</source>
        <translation>las posiciones sinusoidales necesitan un d_model par, no {0}</translation>
    </message>
    <message>
        <location filename="../../model/config.py" line="48"/>
        <source>dropout must be in [0, 1), not {0}</source>
        <translation>dropout debe estar en [0, 1), no {0}</translation>
    </message>
    <message>
        <location filename="../../model/config.py" line="50"/>
        <source>gelu_approximation must be &apos;none&apos; or &apos;tanh&apos;, not {0}</source>
        <translation>gelu_approximation debe ser &apos;none&apos; o &apos;tanh&apos;, no {0}</translation>
    </message>
    <message>
        <location filename="../../model/config.py" line="53"/>
        <source>objective must be one of {0}, not {1}</source>
        <translation>objective debe ser uno de {0}, no {1}</translation>
    </message>
    <message>
        <location filename="../../model/config.py" line="75"/>
        <source>unknown config keys: {0}</source>
        <translation>claves de configuración desconocidas: {0}</translation>
    </message>
    <message>
        <location filename="../../model/data.py" line="68"/>
        <source>{0}: not found, skipped</source>
        <translation>{0}: no encontrado, omitido</translation>
    </message>
    <message>
        <location filename="../../model/data.py" line="75"/>
        <source>{0}: could not be read ({1}), skipped</source>
        <translation>{0}: no se pudo leer ({1}), omitido</translation>
    </message>
    <message>
        <location filename="../../model/data.py" line="79"/>
        <source>{0}: larger than {1} MB, only the first part is used</source>
        <translation>{0}: mayor de {1} MB, solo se usa la primera parte</translation>
    </message>
    <message>
        <location filename="../../model/data.py" line="82"/>
        <source>{0}: empty, skipped</source>
        <translation>{0}: vacío, omitido</translation>
    </message>
    <message>
        <location filename="../../model/data.py" line="86"/>
        <source> (a NUL byte at byte {0:,})</source>
        <translation> (un byte NUL en el byte {0:,})</translation>
    </message>
    <message>
        <location filename="../../model/data.py" line="87"/>
        <source>{0}: looks like a binary file, not text{1}; skipped (text files have no NUL bytes: remove them to use this file)</source>
        <translation>{0}: parece un archivo binario, no texto{1}; omitido (los archivos de texto no tienen bytes NUL: quítalos para usar este archivo)</translation>
    </message>
    <message>
        <location filename="../../model/data.py" line="96"/>
        <source>{0}: {1} bytes were not valid UTF-8 and were replaced with {2}</source>
        <translation>{0}: {1} bytes no eran UTF-8 válido y se sustituyeron por {2}</translation>
    </message>
    <message>
        <location filename="../../model/data.py" line="104"/>
        <source>no usable text found: {0}</source>
        <translation>no se encontró texto utilizable: {0}</translation>
    </message>
    <message>
        <location filename="../../model/data.py" line="105"/>
        <source>no usable text found</source>
        <translation>no se encontró texto utilizable</translation>
    </message>
    <message>
        <location filename="../../model/data.py" line="121"/>
        <source>validation documents not in the corpus: {0}</source>
        <translation>documentos de validación que no están en el corpus: {0}</translation>
    </message>
    <message>
        <location filename="../../model/data.py" line="228"/>
        <source>the text has {0} tokens, fewer than one training window of {1}</source>
        <translation>el texto tiene {0} tokens, menos que una ventana de entrenamiento de {1}</translation>
    </message>
    <message>
        <location filename="../../model/folders.py" line="28"/>
        <source>does not match config.json: {0}</source>
        <translation>no coincide con config.json: {0}</translation>
    </message>
    <message>
        <location filename="../../model/folders.py" line="29"/>
        <source>tensor {0} has shape {1}, but config.json implies {2}</source>
        <translation>el tensor {0} tiene forma {1}, pero config.json implica {2}</translation>
    </message>
    <message>
        <location filename="../../model/folders.py" line="30"/>
        <source>has {0} tokens but config.json says the model has vocab_size {1}</source>
        <translation>tiene {0} tokens, pero config.json dice que el modelo tiene vocab_size {1}</translation>
    </message>
    <message>
        <location filename="../../model/folders.py" line="36"/>
        <source>not valid JSON (the error is at line {0}, column {1})</source>
        <translation>no es JSON válido (el error está en la línea {0}, columna {1})</translation>
    </message>
    <message>
        <location filename="../../model/folders.py" line="37"/>
        <source>not valid JSON (it is not UTF-8 text)</source>
        <translation>no es JSON válido (no es texto UTF-8)</translation>
    </message>
    <message>
        <location filename="../../model/folders.py" line="76"/>
        <source>is not a folder LM Anatomy wrote (it is a file or a link); choose a new or empty folder for the model</source>
        <translation>no es una carpeta escrita por LM Anatomy (es un archivo o un enlace); elige una carpeta nueva o vacía para el modelo</translation>
    </message>
    <message>
        <location filename="../../model/folders.py" line="81"/>
        <source>{0} and {1} more</source>
        <translation>{0} y {1} más</translation>
    </message>
    <message>
        <location filename="../../model/folders.py" line="83"/>
        <source>already holds files LM Anatomy did not write ({0}), and saving a model replaces the whole folder; nothing was changed. Choose a new or empty folder</source>
        <translation>ya contiene archivos que LM Anatomy no escribió ({0}), y guardar un modelo sustituye la carpeta entera; no se cambió nada. Elige una carpeta nueva o vacía</translation>
    </message>
    <message>
        <location filename="../../model/folders.py" line="127"/>
        <source>cannot be written ({0}); choose a folder you can write to</source>
        <translation>no se puede escribir ({0}); elige una carpeta en la que puedas escribir</translation>
    </message>
    <message>
        <location filename="../../model/folders.py" line="136"/>
        <source>a checkpoint needs about {0} free, but the disk has only {1} free; free some space or choose another folder</source>
        <translation>un punto de control necesita unos {0} libres, pero el disco solo tiene {1} libres; libera espacio o elige otra carpeta</translation>
    </message>
    <message>
        <location filename="../../model/folders.py" line="148"/>
        <source>{0}; is the disk full? Free some space</source>
        <translation>{0}; ¿está lleno el disco? Libera espacio</translation>
    </message>
    <message>
        <location filename="../../model/folders.py" line="150"/>
        <source>{0}; the folder cannot be written. Choose a folder you can write to</source>
        <translation>{0}; no se puede escribir en la carpeta. Elige una carpeta en la que puedas escribir</translation>
    </message>
    <message>
        <location filename="../../model/gpt2.py" line="90"/>
        <source>missing tensor {0}</source>
        <translation>falta el tensor {0}</translation>
    </message>
    <message>
        <location filename="../../model/gpt2.py" line="94"/>
        <source>tensor {0} is stored as {1}, not as floating-point numbers</source>
        <translation>el tensor {0} está guardado como {1}, no como números de coma flotante</translation>
    </message>
    <message>
        <location filename="../../model/gpt2.py" line="102"/>
        <source>lm_head.weight differs from wte.weight, but LM Anatomy&apos;s output head is tied to the token embedding</source>
        <translation>lm_head.weight difiere de wte.weight, pero la cabeza de salida de LM Anatomy está ligada al embedding de tokens</translation>
    </message>
    <message>
        <location filename="../../model/gpt2.py" line="125"/>
        <source>missing: this model is split into several safetensors files ({0}), which LM Anatomy does not read yet. {1}</source>
        <translation>falta: este modelo está repartido en varios archivos safetensors ({0}), que LM Anatomy aún no lee. {1}</translation>
    </message>
    <message>
        <location filename="../../model/gpt2.py" line="179"/>
        <source>cannot export a model with {0} positions: GPT-2 has learned positions, so only learned-position models export</source>
        <translation>no se puede exportar un modelo con posiciones {0}: GPT-2 tiene posiciones aprendidas, así que solo se exportan modelos con posiciones aprendidas</translation>
    </message>
    <message>
        <location filename="../../model/gpt2_format.py" line="26"/>
        <source>LM Anatomy opens GPT-2-family models (model_type &quot;gpt2&quot;, GPT2LMHeadModel) in the Hugging Face layout: config.json, model.safetensors, and tokenizer.json or vocab.json + merges.txt</source>
        <translation>LM Anatomy abre modelos de la familia GPT-2 (model_type &quot;gpt2&quot;, GPT2LMHeadModel) con la estructura de Hugging Face: config.json, model.safetensors, y tokenizer.json o vocab.json + merges.txt</translation>
    </message>
    <message>
        <location filename="../../model/gpt2_format.py" line="28"/>
        <source>missing. {0}</source>
        <translation>falta. {0}</translation>
    </message>
    <message>
        <location filename="../../model/gpt2_format.py" line="74"/>
        <source>describes a {0} model, which LM Anatomy cannot open. {1}</source>
        <translation>describe un modelo {0}, que LM Anatomy no puede abrir. {1}</translation>
    </message>
    <message>
        <location filename="../../model/gpt2_format.py" line="87"/>
        <source>sets {0} to {1}; only standard GPT-2 ({0} {2}) is supported. {3}</source>
        <translation>pone {0} a {1}; solo se admite GPT-2 estándar ({0} {2}). {3}</translation>
    </message>
    <message>
        <location filename="../../model/gpt2_format.py" line="92"/>
        <source>activation_function {0} is not supported (use one of {1})</source>
        <translation>activation_function {0} no se admite (usa una de {1})</translation>
    </message>
    <message>
        <location filename="../../model/gpt2_format.py" line="109"/>
        <source>not a valid GPT-2 configuration ({0})</source>
        <translation>no es una configuración de GPT-2 válida ({0})</translation>
    </message>
    <message>
        <location filename="../../model/gpt2_format.py" line="114"/>
        <source>cannot export a masked-LM model as GPT-2: GPT-2 is a causal model (each token attends only to the ones before it), and this model was trained to fill in hidden tokens reading both sides; with GPT-2&apos;s causal mask its weights would compute something else</source>
        <translation>no se puede exportar un modelo de lenguaje enmascarado como GPT-2: GPT-2 es un modelo causal (cada token atiende solo a los anteriores), y este modelo se entrenó para rellenar tokens ocultos leyendo ambos lados; con la máscara causal de GPT-2 sus pesos calcularían otra cosa</translation>
    </message>
    <message>
        <location filename="../../model/gpt2_format.py" line="157"/>
        <source>not a configuration (expected a JSON object)</source>
        <translation>no es una configuración (se esperaba un objeto JSON)</translation>
    </message>
    <message>
        <location filename="../../model/gpt2_format.py" line="167"/>
        <source>not a readable GPT-2 vocabulary with {0} ({1})</source>
        <translation>no es un vocabulario de GPT-2 legible con {0} ({1})</translation>
    </message>
    <message>
        <location filename="../../model/gpt2_format.py" line="186"/>
        <source>missing, and so is {0} + {1}: a GPT-2 folder needs one of them. {2}</source>
        <translation>falta, y también {0} + {1}: una carpeta de GPT-2 necesita uno de los dos. {2}</translation>
    </message>
    <message>
        <location filename="../../model/labelled.py" line="50"/>
        <source>the header row ({0}) has no {1} column; name the columns text,label (and optionally split)</source>
        <translation>la fila de cabecera ({0}) no tiene columna {1}; llama a las columnas text,label (y, si quieres, split)</translation>
    </message>
    <message>
        <location filename="../../model/labelled.py" line="90"/>
        <source>the first row ({0}) looks like a header, but it names no text or label column; name the columns text,label (and optionally split)</source>
        <translation>la primera fila ({0}) parece una cabecera, pero no nombra ninguna columna text ni label; llama a las columnas text,label (y, si quieres, split)</translation>
    </message>
    <message>
        <location filename="../../model/labelled.py" line="95"/>
        <source>line {0}: expected text and label separated by a comma; skipped</source>
        <translation>línea {0}: se esperaban texto y etiqueta separados por una coma; omitida</translation>
    </message>
    <message>
        <location filename="../../model/labelled.py" line="102"/>
        <source>line {0}: the text is empty; skipped</source>
        <translation>línea {0}: el texto está vacío; omitida</translation>
    </message>
    <message>
        <location filename="../../model/labelled.py" line="105"/>
        <source>line {0}: no label; skipped</source>
        <translation>línea {0}: sin etiqueta; omitida</translation>
    </message>
    <message>
        <location filename="../../model/labelled.py" line="108"/>
        <source>line {0}: split must be train or test, not {1}; skipped</source>
        <translation>línea {0}: split debe ser train o test, no {1}; omitida</translation>
    </message>
    <message>
        <location filename="../../model/labelled.py" line="116"/>
        <source>no usable rows: {0}</source>
        <translation>ninguna fila utilizable: {0}</translation>
    </message>
    <message>
        <location filename="../../model/labelled.py" line="118"/>
        <source>no usable rows</source>
        <translation>ninguna fila utilizable</translation>
    </message>
    <message>
        <location filename="../../model/labelled.py" line="136"/>
        <source>{0} starts with a {1} byte order mark but is not valid in that encoding; save it as UTF-8 CSV</source>
        <translation>{0} empieza con una marca de orden de bytes {1}, pero no es válido en esa codificación; guárdalo como CSV UTF-8</translation>
    </message>
    <message>
        <location filename="../../model/labelled.py" line="149"/>
        <source>{0} holds NUL bytes: it is not a UTF-8 text file (a spreadsheet, or text in another encoding?); save it as CSV UTF-8</source>
        <translation>{0} contiene bytes NUL: no es un archivo de texto UTF-8 (¿una hoja de cálculo, o texto en otra codificación?); guárdalo como CSV UTF-8</translation>
    </message>
    <message>
        <location filename="../../model/labelled.py" line="153"/>
        <source>{0}: {1} bytes were not valid UTF-8 and were replaced</source>
        <translation>{0}: {1} bytes no eran UTF-8 válido y se sustituyeron</translation>
    </message>
    <message>
        <location filename="../../model/masking.py" line="22"/>
        <source>This model was trained to fill in hidden tokens (a masked language model, like BERT): it reads both sides of a blank, so it never learned to continue text from the left. Generating text needs a causal model (like GPT); open one such as shakespeare-bpe to generate.</source>
        <translation>Este modelo se entrenó para rellenar tokens ocultos (un modelo de lenguaje enmascarado, como BERT): lee los dos lados de un hueco, así que nunca aprendió a continuar un texto desde la izquierda. Para generar texto hace falta un modelo causal (como GPT); abre uno, como shakespeare-bpe, para generar.</translation>
    </message>
    <message>
        <location filename="../../model/tokenizer.py" line="40"/>
        <source>the tokenizer could not split this text ({0})</source>
        <translation>el tokenizador no pudo dividir este texto ({0})</translation>
    </message>
    <message>
        <location filename="../../model/tokenizer.py" line="66"/>
        <source>unsupported tokenizer: model {0} (LM Anatomy reads character, word-level and byte-level BPE tokenizers)</source>
        <translation>tokenizador no admitido: modelo {0} (LM Anatomy lee tokenizadores de caracteres, de palabras y BPE a nivel de bytes)</translation>
    </message>
    <message>
        <location filename="../../model/tokenizer.py" line="78"/>
        <source>not a readable tokenizer.json ({0})</source>
        <translation>no es un tokenizer.json legible ({0})</translation>
    </message>
    <message>
        <location filename="../../model/tokenizer.py" line="195"/>
        <source>merge steps exist only for the byte-level BPE tokenizer</source>
        <translation>los pasos de fusión solo existen en el tokenizador BPE a nivel de bytes</translation>
    </message>
    <message>
        <location filename="../../model/tokenizer_kinds.py" line="86"/>
        <source>tokenizer kind must be one of {0}, not {1}</source>
        <translation>el tipo de tokenizador debe ser uno de {0}, no {1}</translation>
    </message>
    <message>
        <location filename="../../model/tokenizer_kinds.py" line="97"/>
        <source>a byte-level BPE vocabulary needs at least 256 tokens (one per byte)</source>
        <translation>un vocabulario BPE a nivel de bytes necesita al menos 256 tokens (uno por byte)</translation>
    </message>
    <message>
        <location filename="../../model/tokenizer_kinds.py" line="129"/>
        <source>a character vocabulary needs more than 256 tokens (256 are reserved for raw bytes)</source>
        <translation>un vocabulario de caracteres necesita más de 256 tokens (256 están reservados para bytes sueltos)</translation>
    </message>
    <message>
        <location filename="../../model/train.py" line="37"/>
        <source>Finished {0} steps.</source>
        <translation>Terminados los {0} pasos.</translation>
    </message>
    <message>
        <location filename="../../model/train.py" line="160"/>
        <source>The previous checkpoint (step {0}) is intact.</source>
        <translation>El punto de control anterior (paso {0}) está intacto.</translation>
    </message>
    <message>
        <location filename="../../model/train.py" line="161"/>
        <source>No earlier checkpoint exists.</source>
        <translation>No existe ningún punto de control anterior.</translation>
    </message>
    <message>
        <location filename="../../model/train.py" line="163"/>
        <source>Could not save a checkpoint at step {0} in {1} ({2}). {3}</source>
        <translation>No se pudo guardar un punto de control en el paso {0} en {1} ({2}). {3}</translation>
    </message>
    <message>
        <location filename="../../model/train.py" line="225"/>
        <source>Stopped at step {0}; checkpoint saved.</source>
        <translation>Detenido en el paso {0}; punto de control guardado.</translation>
    </message>
    <message>
        <location filename="../../model/train.py" line="292"/>
        <source>The last good checkpoint (step {0}) in {1} is kept.</source>
        <translation>Se conserva el último punto de control bueno (paso {0}) en {1}.</translation>
    </message>
    <message>
        <location filename="../../model/train.py" line="296"/>
        <source>Training stopped at step {0}: the loss became {1} (not a finite number), so the weights can no longer improve. This usually means the learning rate ({2:g}) is too high; try a smaller one. {3}</source>
        <translation>El entrenamiento se detuvo en el paso {0}: la pérdida pasó a ser {1} (no es un número finito), así que los pesos ya no pueden mejorar. Esto suele significar que la tasa de aprendizaje ({2:g}) es demasiado alta; prueba con una menor. {3}</translation>
    </message>
    <message>
        <location filename="../../model/trainer_state.py" line="34"/>
        <source>nothing to resume: no trainer_state.safetensors in this folder</source>
        <translation>nada que reanudar: no hay trainer_state.safetensors en esta carpeta</translation>
    </message>
    <message>
        <location filename="../../model/trainer_state.py" line="43"/>
        <source>cannot resume: {0}</source>
        <translation>no se puede reanudar: {0}</translation>
    </message>
    <message>
        <location filename="../../model/warm_start.py" line="30"/>
        <source>cannot start from these weights: the architectures differ (missing {0}, unexpected {1})</source>
        <translation>no se puede partir de estos pesos: las arquitecturas difieren (faltan {0}, sobran {1})</translation>
    </message>
    <message>
        <location filename="../../model/warm_start.py" line="42"/>
        <source>cannot start from these weights: {0} has shape {1}, the new model needs {2}</source>
        <translation>no se puede partir de estos pesos: {0} tiene forma {1}, el nuevo modelo necesita {2}</translation>
    </message>
    <message>
        <location filename="../../model/ablation.py" line="39"/>
        <source>no head {0} in layer {1}: the model has {2} layers of {3} heads</source>
        <translation>no hay cabeza {0} en la capa {1}: el modelo tiene {2} capas de {3} cabezas</translation>
    </message>
    <message>
        <location filename="../../model/ablation.py" line="43"/>
        <source>no MLP in layer {0}: the model has {1} layers</source>
        <translation>no hay MLP en la capa {0}: el modelo tiene {1} capas</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_probes.py" line="15"/>
        <source>Occupations and pronouns</source>
        <translation>Profesiones y pronombres</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_probes.py" line="16"/>
        <source>Only the occupation changes. Which pronoun does the model expect next? A model that has read more about male doctors and female nurses will say so.</source>
        <translation>Solo cambia la profesión. ¿Qué pronombre espera el modelo a continuación? Un modelo que ha leído más sobre médicos varones y enfermeras mujeres lo mostrará.</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_probes.py" line="18"/>
        <source>Pronouns, then a job</source>
        <translation>Pronombres, luego una profesión</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_probes.py" line="19"/>
        <source>Only the pronoun changes; the targets are jobs. The same question asked the other way round.</source>
        <translation>Solo cambia el pronombre; los objetivos son profesiones. La misma pregunta, hecha al revés.</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_probes.py" line="20"/>
        <source>Names and pronouns</source>
        <translation>Nombres y pronombres</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_probes.py" line="21"/>
        <source>Only the name changes. A name carries no grammar, so any preference the model shows for he or she comes from how those names were used in its training text.</source>
        <translation>Solo cambia el nombre. Un nombre no tiene gramática, así que cualquier preferencia del modelo por «he» o «she» viene de cómo se usaban esos nombres en su texto de entrenamiento.</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_probes.py" line="23"/>
        <source>Control: a word that should not matter</source>
        <translation>Control: una palabra que no debería importar</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_probes.py" line="24"/>
        <source>The changed word should have nothing to do with the targets. The ratios still move a little: differences no bigger than this one&apos;s are not evidence of anything.</source>
        <translation>La palabra que cambia no debería tener nada que ver con los objetivos. Aun así, los cocientes se mueven un poco: diferencias no mayores que las de este ejemplo no demuestran nada.</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_parts.py" line="140"/>
        <source>No probe has run on this model yet</source>
        <translation>Aún no se ha ejecutado ninguna sonda con este modelo</translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/token_chips.py" line="199"/>
        <source>Token {0} of {1}: {2}, id {3}.</source>
        <translation>Token {0} de {1}: {2}, id {3}.</translation>
    </message>
    <message>
        <location filename="../../model/decoding.py" line="59"/>
        <source>decoding needs at least one token of prompt</source>
        <translation>para generar hace falta al menos un token de texto</translation>
    </message>
    <message>
        <location filename="../../model/decoding.py" line="134"/>
        <source>nothing to undo: one token must remain</source>
        <translation>no hay nada que deshacer: debe quedar un token</translation>
    </message>
    <message>
        <location filename="../../model/interventions.py" line="79"/>
        <source>cannot scan an empty prompt: there is no token to start from</source>
        <translation>no se puede explorar un texto vacío: no hay ningún token por el que empezar</translation>
    </message>
    <message>
        <location filename="../../model/interventions.py" line="81"/>
        <source>{0} tokens exceed the context length {1}</source>
        <translation>{0} tokens superan la longitud de contexto {1}</translation>
    </message>
    <message>
        <location filename="../../model/tracing.py" line="75"/>
        <source>cannot trace an empty prompt: there is no token to start from</source>
        <translation>no se puede trazar un texto vacío: no hay ningún token por el que empezar</translation>
    </message>
</context>
</TS>
