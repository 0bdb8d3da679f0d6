<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <location filename="../../app/common/figures.py" line="82"/>
        <source>Prompt: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/model_picker.py" line="34"/>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/model_picker.py" line="34"/>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/model_picker.py" line="42"/>
        <source>Open a model folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/model_picker.py" line="54"/>
        <source>Shipped: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/model_picker.py" line="61"/>
        <source>Open a model folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/ablation_grid.py" line="103"/>
        <source>{0:+.1f} pp: rose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/ablation_grid.py" line="103"/>
        <source>0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/ablation_grid.py" line="103"/>
        <source>{0:+.1f} pp: fell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/ablation_text.py" line="20"/>
        <source>MLP {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/ablation_text.py" line="21"/>
        <source>switched off: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/ablation_text.py" line="29"/>
        <source>1 head</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/ablation_text.py" line="29"/>
        <source>{0} heads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/ablation_text.py" line="30"/>
        <source>1 MLP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/ablation_text.py" line="30"/>
        <source>{0} MLPs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/ablation_text.py" line="31"/>
        <source>{0} switched off: the numbers on every stage are from the changed model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/ablation_text.py" line="32"/>
        <source> and </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block_sections.py" line="21"/>
        <source>mean {0:+.2f} · spread {1:.2f}
length {2:.2f}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block_sections.py" line="50"/>
        <source>(x − mean) / spread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block_sections.py" line="51"/>
        <source>× γ + β</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block_sections.py" line="83"/>
        <source>2 · Attention, head {0}: “{1}” looks back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block_sections.py" line="84"/>
        <source>tokens after this one get −∞ (the causal mask), so softmax gives them weight 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block_sections.py" line="85"/>
        <source>this model has no causal mask (it fills in hidden tokens), so every token is seen, later ones too</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block_sections.py" line="87"/>
        <source>The head makes a query from this token&apos;s layer-normed vector, and a key and a value from every token&apos;s ({0} numbers each). The query meets each key in a dot product (q·k), divided by √{0} so the scores do not grow with the head&apos;s width; {1}. Softmax makes the weights positive and add up to 1; the head&apos;s output is the values summed with those weights.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block_sections.py" line="91"/>
        <source>query q of “{0}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block_sections.py" line="93"/>
        <source>itself and every earlier token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block_sections.py" line="93"/>
        <source>every token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block_sections.py" line="94"/>
        <source>&lt;b&gt;Keys&lt;/b&gt; k of the {0} it may see ({1}), one row each</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block_sections.py" line="95"/>
        <source>1 token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block_sections.py" line="95"/>
        <source>{0} tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block_sections.py" line="99"/>
        <source>&lt;b&gt;Scores&lt;/b&gt; for every token of the prompt (columns): q·k, then ÷ √{0}, then the mask ({1}), then softmax. The first three rows share one colour scale (see the division fade them); softmax has its own, 0 to the largest weight. Hover a cell for its value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block_sections.py" line="102"/>
        <source>{0} later tokens set to −∞</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block_sections.py" line="103"/>
        <source>no token comes after the last one: nothing is masked; pick an earlier token to see −∞ cells</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block_sections.py" line="104"/>
        <source>none here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block_sections.py" line="106"/>
        <source>q·k</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block_sections.py" line="106"/>
        <source>÷ √{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block_sections.py" line="106"/>
        <source>causal mask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block_sections.py" line="106"/>
        <source>softmax</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block_sections.py" line="109"/>
        <source>&lt;b&gt;Values&lt;/b&gt; v; the bars on the left are their softmax weights (below). Most weight on {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block_sections.py" line="113"/>
        <source>&lt;b&gt;Σ weight × value&lt;/b&gt;: the head&apos;s output for this token, the values added up with the softmax weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block_sections.py" line="115"/>
        <source>head {0} output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block_sections.py" line="116"/>
        <source>&lt;b&gt;Head {0} is switched off&lt;/b&gt;: its output is zero for every token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block_sections.py" line="122"/>
        <source>3 · The heads joined, then W_O</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block_sections.py" line="129"/>
        <source> Head {0} is switched off: its part is all zeros.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block_sections.py" line="131"/>
        <source> Heads {0} are switched off: their parts are all zeros.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block_sections.py" line="133"/>
        <source>The {0} heads&apos; outputs side by side ({0} × {1} = {2} numbers; dashed lines separate the heads). The output matrix W_O ({2} × {3}) and its bias mix them into one vector: attention&apos;s contribution to this token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block_sections.py" line="136"/>
        <source>heads 1…{0} joined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block_sections.py" line="137"/>
        <source>× W_O + b</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block_sections.py" line="156"/>
        <source>6 · MLP: widen, GELU, narrow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block_sections.py" line="171"/>
        <source>A linear layer widens the vector from {0} to {1} numbers. GELU then acts on each number alone: on the curve, each dot is one of this token&apos;s {1} neurons (across: its value before GELU; up: after). Negative inputs are squashed towards 0, positive ones pass almost unchanged. The orange dots are the most active neurons, listed on the right and marked under the bars. A second linear layer narrows the {1} numbers back to {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block_sections.py" line="176"/>
        <source>layer-normed input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block_sections.py" line="177"/>
        <source>widened: before GELU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block_sections.py" line="180"/>
        <source>after GELU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block_sections.py" line="181"/>
        <source>narrowed: MLP output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block_sections.py" line="186"/>
        <source>8 · This token through every layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block_sections.py" line="188"/>
        <source>The line is the length ‖x‖ of this token&apos;s residual stream entering the first block (“in”) and after each block; the bars are the lengths of what each block&apos;s attention and MLP added to it. The shaded layer is the one shown above; click another to open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block_sections.py" line="198"/>
        <source>1 · The residual stream enters; layer norm 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block_sections.py" line="199"/>
        <source>The top row is this token&apos;s residual stream as it enters the block. Layer norm subtracts its mean and divides by its spread √(variance + ε): the middle row has mean 0 and spread 1, whatever the size of the top row. Then a learned scale γ and shift β, one pair per dimension, reshape it (bottom row): compare the middle and bottom rows to see which dimensions γ stretches, shrinks or flips. Each row has its own scale (± at its right).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block_sections.py" line="203"/>
        <location filename="../../app/explore/panels/block_sections.py" line="209"/>
        <source>x: residual in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block_sections.py" line="206"/>
        <source>4 · Residual add: x + attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block_sections.py" line="207"/>
        <source>Attention&apos;s output is added to the residual stream number by number: the third row is the sum of the first two. All three rows share one scale, so their sizes compare. The block never overwrites the stream; it only adds to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block_sections.py" line="209"/>
        <source>+ attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block_sections.py" line="209"/>
        <source>= x + attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block_sections.py" line="210"/>
        <source>5 · Layer norm 2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block_sections.py" line="211"/>
        <source>The same normalisation, with its own learned γ and β, prepares the stream for the MLP.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block_sections.py" line="212"/>
        <location filename="../../app/explore/panels/block_sections.py" line="217"/>
        <source>x + attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block_sections.py" line="214"/>
        <source>7 · Residual add: + MLP = the block&apos;s output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block_sections.py" line="215"/>
        <source>The MLP&apos;s output is added in the same way. The sum is the block&apos;s output: what the next block reads (after the last block, the final layer norm and the output layer read it).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block_sections.py" line="217"/>
        <source>+ MLP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block_sections.py" line="217"/>
        <source>= block output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_bias.py" line="45"/>
        <source>One slot like {doctor|nurse}: each word in it makes one prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_bias.py" line="47"/>
        <source>Words whose next-token probability is read, separated by commas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_bias.py" line="50"/>
        <source>Run probe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_bias.py" line="52"/>
        <source>Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_bias.py" line="60"/>
        <source>probability of the next token (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_bias.py" line="67"/>
        <source>Example</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_bias.py" line="69"/>
        <source>Template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_bias.py" line="71"/>
        <source>Targets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_bias.py" line="99"/>
        <source>Press Run probe to trace these prompts on {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_bias.py" line="118"/>
        <source>Open a model first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_bias.py" line="121"/>
        <source>Tracing {0} prompts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_bias.py" line="148"/>
        <source>“{0}” — next-token probability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_bias.py" line="158"/>
        <source>prompt: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_bias.py" line="165"/>
        <source>{0} prompts traced; each bar is the probability of the word&apos;s first token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_bias.py" line="171"/>
        <source>Export bias probe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_bias.py" line="180"/>
        <location filename="../../app/menus.py" line="171"/>
        <location filename="../../app/menus.py" line="186"/>
        <location filename="../../app/window.py" line="108"/>
        <source>Saved {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_compute.py" line="37"/>
        <source>quantity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_compute.py" line="37"/>
        <source>value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_compute.py" line="37"/>
        <source>how it is worked out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_compute.py" line="39"/>
        <source>N parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_compute.py" line="40"/>
        <source>D tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_compute.py" line="45"/>
        <source>An assumption, not a measurement: 15 W is a typical laptop CPU&apos;s sustained power</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_compute.py" line="47"/>
        <source>Measure this machine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_compute.py" line="48"/>
        <source>Time a few forward + backward passes of the open model here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_compute.py" line="54"/>
        <source>model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_compute.py" line="54"/>
        <source>parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_compute.py" line="54"/>
        <source>training tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_compute.py" line="54"/>
        <source>published FLOPs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_compute.py" line="55"/>
        <source>time at that speed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_compute.py" line="55"/>
        <source>energy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_compute.py" line="55"/>
        <source>source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_compute.py" line="64"/>
        <source>Power</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_compute.py" line="71"/>
        <source>This model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_compute.py" line="71"/>
        <source>What if: 6·N·D</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_compute.py" line="72"/>
        <source>Published models (click a row to put it on the sliders)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_compute.py" line="103"/>
        <source>Measuring: a few forward + backward passes of the open model…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_compute.py" line="113"/>
        <source>Could not measure this machine: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_compute.py" line="125"/>
        <source>6·N·D: Kaplan et al. 2020, section 2.1 (forward 2N, backward 4N per token). For scale, Patterson et al. 2021 estimate GPT-3&apos;s training used about {0:,} MWh in a data centre. The wattage is an assumption, not a measurement.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_compute.py" line="135"/>
        <source>6 × {0} × {1} = &lt;b&gt;{2}&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_compute.py" line="137"/>
        <source>&lt;br&gt;This model&apos;s folder does not say how fast it trained: press Measure this machine.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_compute.py" line="141"/>
        <source>On this machine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_compute.py" line="141"/>
        <source>At the speed it trained</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_compute.py" line="142"/>
        <source>&lt;br&gt;{0}: &lt;b&gt;{1}&lt;/b&gt;&lt;br&gt;Energy at {2:.0f} W: &lt;b&gt;{3}&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_compute.py" line="145"/>
        <source>Speed: {0} ({1}; 6·N × tokens/s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_interpret.py" line="76"/>
        <source>Open the Attention stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_interpret.py" line="79"/>
        <source>What this cannot show: an attention pattern says where a head reads from, not what it does with what it reads; switching a head off shows what this one prediction loses, on this one prompt. A claim about what a head is &lt;i&gt;for&lt;/i&gt; needs many prompts and a test that could have failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_interpret.py" line="83"/>
        <source>layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_interpret.py" line="83"/>
        <source>head</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_interpret.py" line="83"/>
        <source>previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_interpret.py" line="83"/>
        <source>punctuation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_interpret.py" line="83"/>
        <source>first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_interpret.py" line="84"/>
        <source>mean weight on the token just before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_interpret.py" line="84"/>
        <source>mean weight on punctuation marks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_interpret.py" line="85"/>
        <source>mean weight on the first token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_interpret.py" line="89"/>
        <source>Mean attention weights of every head on this prompt; double-click a row to open it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_interpret.py" line="93"/>
        <source>A worked example: what is this head doing?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_interpret.py" line="101"/>
        <source>Every head on this prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_interpret.py" line="131"/>
        <source>Open the previous-token head</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_interpret.py" line="132"/>
        <source>Open the punctuation head</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_interpret.py" line="135"/>
        <source>Type a prompt of at least two tokens above (a few lines of a play work well): the worked example is computed from this model&apos;s attention on it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_interpret.py" line="143"/>
        <location filename="../../app/explore/panels/challenges_interpret.py" line="144"/>
        <source>Open layer {0}, head {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_interpret.py" line="146"/>
        <source>On your prompt (&lt;i&gt;{0}&lt;/i&gt;, {1} tokens):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_interpret.py" line="149"/>
        <source>&lt;b&gt;1. A head that looks one token back.&lt;/b&gt; Layer {0}, head {1} puts on average &lt;b&gt;{2:.0%}&lt;/b&gt; of a token&apos;s attention on the token just before it; spread evenly, it would be {3:.0%}. In its heatmap that is the bright line just below the diagonal. Such a head can tell later layers which token came before.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_interpret.py" line="155"/>
        <source>&lt;b&gt;2. A head that looks back to punctuation.&lt;/b&gt; Layer {0}, head {1} puts &lt;b&gt;{2:.0%}&lt;/b&gt; on punctuation marks, which would get {3:.0%} if it spread its weight evenly: its bright cells sit in the columns of commas and full stops.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_interpret.py" line="159"/>
        <source>&lt;b&gt;3. Test the guess.&lt;/b&gt; In the Attention stage, set &lt;i&gt;Click a head to:&lt;/i&gt; to &lt;b&gt;switch it off or on&lt;/b&gt; and click the head: the &lt;b&gt;Before / after&lt;/b&gt; tab shows what the prediction loses without it. &lt;b&gt;Which heads matter here?&lt;/b&gt; switches off every head in turn and colours the grid by the change. A head with a clear pattern may matter little for this prediction, and a blurry one a lot.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_rows.py" line="20"/>
        <source>not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_rows.py" line="21"/>
        <source>its folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_rows.py" line="26"/>
        <source>not published</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_rows.py" line="29"/>
        <source> Our count of this shape: {0:,} parameters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_rows.py" line="39"/>
        <source>token embedding (tied: also the output head)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_rows.py" line="41"/>
        <source>positions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_rows.py" line="43"/>
        <source>{0}: no parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_rows.py" line="44"/>
        <source>attention, {0} blocks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_rows.py" line="45"/>
        <source>W_Q, W_K, W_V, W_O with biases, and the layer norm before it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_rows.py" line="46"/>
        <source>MLP, {0} blocks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_rows.py" line="47"/>
        <source>biases and the layer norm before it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_rows.py" line="48"/>
        <source>final layer norm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_rows.py" line="49"/>
        <source>parameters N</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_rows.py" line="49"/>
        <source>the sum; the tied head is counted once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_rows.py" line="50"/>
        <source>forward FLOPs per token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_rows.py" line="54"/>
        <source>tokens trained on D</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_rows.py" line="54"/>
        <source>training.json</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_rows.py" line="55"/>
        <source>training FLOPs 6·N·D</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_rows.py" line="59"/>
        <source>time it took</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_rows.py" line="60"/>
        <source>{0:,.0f} tokens/s, training.json</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_rows.py" line="62"/>
        <source>speed, measured here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges_rows.py" line="62"/>
        <source>speed of its training run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/stage_view.py" line="26"/>
        <source>{0} on {1} · {2} tokens · traced in {3:.0f} ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/stage_view.py" line="29"/>
        <source> · longer than the context ({0} tokens): the window slides, the first {1:,} characters are out of sight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/stage_view.py" line="136"/>
        <source>Loading the model…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/stage_view.py" line="144"/>
        <source>The shipped model is not installed yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/stage_view.py" line="144"/>
        <source>That model folder does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/stage_view.py" line="145"/>
        <source>LM Anatomy looked for a model in&lt;br&gt;&lt;code&gt;{0}&lt;/code&gt;&lt;br&gt;and found nothing there.&lt;br&gt;&lt;br&gt;Open a model folder (one with config.json, model.safetensors and tokenizer.json), for example one written by &lt;code&gt;lm-anatomy-train&lt;/code&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/stage_view.py" line="149"/>
        <source>This model could not be loaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/stage_view.py" line="161"/>
        <source>The {0} stage could not draw this prompt ({1}). The other stages still work.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="46"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="47"/>
        <source>Open model folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="48"/>
        <source>Open the shipped model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="51"/>
        <source>Open scenario…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="52"/>
        <source>Save scenario…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="53"/>
        <source>Leave scenario (unlock everything)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="56"/>
        <source>Export stage as PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="57"/>
        <source>Export stage as SVG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="58"/>
        <source>Copy stage image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="59"/>
        <source>Export trace (.npz)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="60"/>
        <source>Export table (CSV)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="62"/>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="63"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="65"/>
        <source>{0} tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="71"/>
        <source>Presentation mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="72"/>
        <source>Dark theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="74"/>
        <source>Cividis colour map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="76"/>
        <source>Zoom in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="78"/>
        <source>Zoom out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="79"/>
        <source>Actual size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="80"/>
        <source>Show explanations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="82"/>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="91"/>
        <source>Clear switched-off parts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="92"/>
        <source>&amp;Decode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="93"/>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="94"/>
        <source>Play</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="95"/>
        <source>Undo step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="96"/>
        <source>Clear generated text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="97"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="98"/>
        <location filename="../../app/menus.py" line="153"/>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="99"/>
        <source>Guided tour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="100"/>
        <source>Lessons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="103"/>
        <location filename="../../app/menus.py" line="139"/>
        <source>About LM Anatomy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="134"/>
        <source>&lt;h3&gt;LM Anatomy {0}&lt;/h3&gt;&lt;p&gt;Look inside a small working transformer language model.&lt;/p&gt;&lt;p&gt;Type a prompt; every stage shows one traced forward pass of the real model. Each stage has a lesson beside it (View &amp;gt; Show explanations, Ctrl+L; Help &amp;gt; Lessons).&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="144"/>
        <source>presentation mode (large fonts, thick lines)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="144"/>
        <source>zoom in / out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="145"/>
        <source>actual size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="145"/>
        <source>dark theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="146"/>
        <source>show or hide the explanations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="146"/>
        <source>step: append one token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="147"/>
        <source>play / pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="147"/>
        <source>undo a step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="148"/>
        <source>open a model folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="148"/>
        <source>export the stage as PNG / SVG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="149"/>
        <source>copy the stage image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="149"/>
        <source>guided tour (Esc leaves it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="150"/>
        <source>the {0} tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="168"/>
        <source>Export as {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="176"/>
        <source>Copied the stage image to the clipboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="181"/>
        <source>Nothing to export yet: type a prompt first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="183"/>
        <source>Export trace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="183"/>
        <source>NumPy archive (*.npz)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="192"/>
        <source>This stage has no table to export (try Attention, Embeddings or Output).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="194"/>
        <source>Export {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/menus.py" line="197"/>
        <source>Saved {0} to {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/scenario.py" line="80"/>
        <source>Could not read {0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/scenario.py" line="82"/>
        <source>{0} is too large to be a scenario file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/scenario.py" line="86"/>
        <source>{0} is not a scenario: it is not a JSON text file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/scenario.py" line="92"/>
        <source>This file is not an LM Anatomy scenario (it has no &quot;format&quot;: &quot;{0}&quot;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/scenario.py" line="96"/>
        <source>This scenario has no valid version number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/scenario.py" line="98"/>
        <source>This scenario was made by a newer LM Anatomy (format version {0}; this one reads up to {1}). Update the app to open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/scenario.py" line="103"/>
        <source>This scenario has settings this version does not know: {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/scenario.py" line="112"/>
        <source>The scenario&apos;s &quot;{0}&quot; must be {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/scenario.py" line="122"/>
        <source>text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/scenario.py" line="124"/>
        <source>at most 20,000 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/scenario.py" line="127"/>
        <source>a list of at most 512 token ids (whole numbers from 0)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/scenario.py" line="129"/>
        <source>one of {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/scenario.py" line="131"/>
        <source>a number from 0 to 2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/scenario.py" line="133"/>
        <source>a whole number from 0 (0: no cut)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/scenario.py" line="135"/>
        <source>a number above 0 and at most 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/scenario.py" line="138"/>
        <source>a whole number from 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/scenario.py" line="142"/>
        <source>a list of [layer, head] pairs of whole numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/scenario.py" line="144"/>
        <source>a list of layer numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/scenario.py" line="146"/>
        <source>&quot;light&quot; or &quot;dark&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/scenario.py" line="148"/>
        <source>&quot;viridis&quot; or &quot;cividis&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/scenario.py" line="150"/>
        <source>true or false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/scenario.py" line="152"/>
        <source>a number from 0.5 to 3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/scenario.py" line="154"/>
        <source>a list of &quot;pretrain&quot; and &quot;finetune&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/scenario.py" line="156"/>
        <source>a list of {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/scenario_apply.py" line="68"/>
        <source>Save scenario</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/scenario_apply.py" line="75"/>
        <source>Could not save the scenario</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/scenario_apply.py" line="77"/>
        <source>Saved the scenario to {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/scenario_apply.py" line="82"/>
        <source>Open scenario</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/scenario_apply.py" line="88"/>
        <source>Could not open the scenario</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/scenario_apply.py" line="129"/>
        <source>The scenario&apos;s generated tokens do not fit this model&apos;s vocabulary; only the prompt is shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/scenario_apply.py" line="159"/>
        <source>The scenario switches off parts this model does not have: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/scenario_apply.py" line="165"/>
        <source>Opened the scenario {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/scenario_apply.py" line="165"/>
        <source>Opened the scenario</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/scenario_apply.py" line="167"/>
        <source>Scenario</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/scenario_apply.py" line="210"/>
        <source>Left the scenario: every control and tab is back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/tour.py" line="50"/>
        <source>&amp;Check answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/tour.py" line="51"/>
        <source>&amp;Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/tour.py" line="51"/>
        <location filename="../../app/tour.py" line="92"/>
        <source>&amp;Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/tour.py" line="51"/>
        <source>E&amp;xit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/tour.py" line="67"/>
        <source>Tour: step {0} of {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/tour.py" line="70"/>
        <source>&lt;b&gt;Try this:&lt;/b&gt; {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/tour.py" line="71"/>
        <source>&lt;b&gt;Check:&lt;/b&gt; {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/tour.py" line="92"/>
        <source>&amp;Finish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/tour.py" line="166"/>
        <source>Choose an answer first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/tour.py" line="170"/>
        <source>Yes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/tour.py" line="170"/>
        <source>Not quite.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/tour.py" line="273"/>
        <source>Welcome to LM Anatomy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/tour.py" line="274"/>
        <source>New here? A short guided tour walks through the model stage by stage, with one thing to try and one question at each stop. You can open it later from Help ▸ Guided tour.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/tour.py" line="277"/>
        <source>Start the tour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/tour.py" line="278"/>
        <source>Not now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="41"/>
        <source>The whole model at a glance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="42"/>
        <source>This diagram is the model you are about to explore, drawn from its real sizes: text becomes tokens, tokens become vectors, the vectors pass through a stack of identical blocks (attention, then an MLP, each adding to the residual stream), and the last vector is turned into a score for every token in the vocabulary.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="46"/>
        <source>Count the blocks, and read on the boxes how many numbers make up each token&apos;s vector.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="47"/>
        <source>What does the model produce at the very end of one forward pass?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="48"/>
        <source>A probability for every token in its vocabulary, for the next position</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="49"/>
        <source>Right: one score (logit) per vocabulary token, turned into probabilities by softmax.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="50"/>
        <source>The whole next sentence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="51"/>
        <source>Not at once: one pass gives one next token&apos;s distribution; a sentence takes many passes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="52"/>
        <source>A corrected version of the prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="53"/>
        <source>No: it only scores what could come next after the last token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="54"/>
        <source>Text is bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="55"/>
        <source>The model never sees letters. Here every character of the prompt is shown with the bytes UTF-8 stores it as: most English letters take one byte, accented letters two, an emoji four.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="57"/>
        <source>Type an accented letter (é) and an emoji into the prompt and find their bytes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="58"/>
        <source>How many bytes does UTF-8 use for the letter é?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="59"/>
        <source>1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="59"/>
        <source>1 byte covers only the 128 ASCII characters; é is not one of them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="60"/>
        <source>2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="60"/>
        <source>Right: é is U+00E9, stored as the two bytes C3 A9.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="61"/>
        <source>4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="61"/>
        <source>4 bytes are for characters beyond U+FFFF, such as most emoji.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="63"/>
        <source>Tokens: the pieces the model reads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="64"/>
        <source>The tokenizer cuts the text into pieces from a fixed vocabulary and gives each an id. Common words are one piece; rare words are split into several. The model only ever sees the ids.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="66"/>
        <source>Type a long, rare word (e.g. &apos;incomprehensibilities&apos;) and count its pieces.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="67"/>
        <source>Can this byte-level tokenizer meet a piece of text it cannot encode at all?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="68"/>
        <source>Yes, rare words become an &apos;unknown&apos; token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="69"/>
        <source>Not here: every byte is in the vocabulary, so the worst case is one token per byte.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="70"/>
        <source>No: any text falls back to single bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="71"/>
        <source>Right: byte-level BPE starts from all 256 bytes, so nothing is ever unknown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="73"/>
        <source>Embeddings: a vector for every token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="74"/>
        <source>Each token id picks one learned vector (a row of the embedding matrix). The map squeezes those vectors onto two dimensions; tokens used in similar ways tend to end up near each other.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="76"/>
        <source>Click a token in the map and read its nearest neighbours in the table.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="77"/>
        <source>Two random vectors of 192 numbers have a cosine similarity near 0. What does 0 mean?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="78"/>
        <source>The two tokens are unrelated in meaning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="79"/>
        <source>Too strong: cosine 0 only says the vectors are orthogonal; random vectors in many dimensions are nearly orthogonal anyway.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="81"/>
        <source>The vectors are orthogonal (at right angles)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="82"/>
        <source>Right: that is all the number says. Meaning has to be read from many such comparisons.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="83"/>
        <source>Positions: where each token stands</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="84"/>
        <source>Attention by itself does not know the order of tokens, so a vector for each position is added to each token&apos;s vector. This stage shows those position vectors and how alike they are.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="86"/>
        <source>Look at the similarity of positions: how wide is the bright band around the diagonal?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="87"/>
        <source>Why is the diagonal of the position-similarity map always at its brightest?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="88"/>
        <source>Every vector is most similar to itself</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="89"/>
        <source>Right: the diagonal compares each position with itself, so it says nothing; the band&apos;s width around it is what the model learned.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="91"/>
        <source>The model learned that neighbours matter most</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="92"/>
        <source>That is what the width of the band may show, not the diagonal itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="93"/>
        <source>Attention: tokens look at each other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="94"/>
        <source>Every small square is one head of one layer. Row i shows where token i looks among the tokens before it; each row&apos;s weights sum to 1. The grey triangle is the causal mask: no token sees the future.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="97"/>
        <source>Click a few heads. Find one whose bright cells sit just left of the diagonal: it looks back one token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="99"/>
        <source>The scores q·k are divided by √d_head before the softmax. Why?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="100"/>
        <source>To keep the scores from growing with the vector width, so softmax does not saturate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="101"/>
        <source>Right: a dot product of d numbers grows like √d; without the division softmax puts almost all weight on one token and its gradient nearly vanishes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="103"/>
        <source>To make every row sum to 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="103"/>
        <source>That is the softmax&apos;s job, not the division&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="104"/>
        <source>To hide future tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="104"/>
        <source>That is the causal mask (−∞ before the softmax).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="106"/>
        <source>Inside a block</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="107"/>
        <source>One block, step by step, for one token: layer norm, each head&apos;s query, keys and values, the scaled scores, the weighted sum, W_O, the first residual add; then the MLP widens the vector, applies GELU, narrows it again, and adds it back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="110"/>
        <source>Change the layer and watch how much each block adds to the residual stream.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="111"/>
        <source>Which part of a block holds most of its parameters?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="112"/>
        <source>The attention heads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="113"/>
        <source>Attention holds about a third: 4·d² weights (queries, keys, values and W_O).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="114"/>
        <source>The MLP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="114"/>
        <source>Right: its two matrices of d × 4d hold 8·d², about two thirds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="115"/>
        <source>The layer norms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="115"/>
        <source>They hold only 2·d numbers each: a scale and a shift.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="116"/>
        <source>Choosing the next token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="117"/>
        <source>The bars are the model&apos;s probabilities for the next token. Temperature divides the logits before the softmax; top-k keeps the k likeliest; top-p keeps the smallest set whose probability adds up to at least p. Step appends one token and runs the model again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="120"/>
        <source>Press Step a few times; then set the temperature to 0 and step again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="121"/>
        <source>What does temperature 0 do?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="122"/>
        <source>Always picks the most likely token (greedy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="123"/>
        <source>Right: the same prompt then always gives the same continuation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="124"/>
        <source>Picks tokens uniformly at random</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="125"/>
        <source>That is the limit of a very high temperature, not 0.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="126"/>
        <source>Pre-training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="127"/>
        <source>Here a model learns from scratch: it predicts every next token of a text, the loss measures how wrong it was, and each step moves the weights a little against the gradient (AdamW).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="129"/>
        <source>Start a run with the smallest model size and watch the loss curve fall in the first minute.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="130"/>
        <source>The gradient of the loss points in which direction?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="131"/>
        <source>Uphill: where the loss grows fastest, so the step goes the other way</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="132"/>
        <source>Right: gradient descent steps against the gradient.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="133"/>
        <source>Downhill, straight to the best weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="134"/>
        <source>No: it points uphill, and only locally; the optimizer steps the opposite way.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="135"/>
        <source>Fine-tuning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="136"/>
        <source>Fine-tuning starts from a trained model and trains a little more on a task: a new head that labels sentences, or more text in one style. Examples held out from training show whether it generalises.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="139"/>
        <source>Start a short run on the bundled labelled examples and watch the held-out accuracy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="140"/>
        <source>What are held-out examples watched during training called?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="141"/>
        <source>A validation set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="141"/>
        <source>Right: they are never trained on; they measure progress.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="142"/>
        <source>The training set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="142"/>
        <source>No: those are the examples the weights learn from.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="143"/>
        <source>What is hard about language models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="144"/>
        <source>Three challenges, live: the compute a model costs (training takes about 6·N·D operations), the biases it repeats from its training text, and how hard it is to say why it answered as it did.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="147"/>
        <source>In Compute, slide N and D up to GPT-3&apos;s size and read how long this laptop would need.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="148"/>
        <source>A model trained on old plays prefers &apos;he&apos; after &apos;The doctor said that&apos;. What does that show?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="149"/>
        <source>That doctors are men</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="150"/>
        <source>No: it shows a pattern of the text the model learned from, nothing about the world.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="151"/>
        <source>That the training text paired those words more often</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/tour_steps.py" line="152"/>
        <source>Right: a model repeats the statistics of its data, biases included.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/training/area.py" line="51"/>
        <source>Classify sentences (sentiment)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/training/area.py" line="52"/>
        <source>Continue training on your own text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/training/area.py" line="61"/>
        <source>Pre-train (a run can be resumed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/training/area.py" line="61"/>
        <source>Pre-train</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/training/area.py" line="62"/>
        <source>Fine-tune</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/training/area.py" line="80"/>
        <source>A training run is still going.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/training/area.py" line="81"/>
        <source>{0} training runs are still going.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/training/area.py" line="82"/>
        <source>Stop and close?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/training/area.py" line="88"/>
        <source>Training is running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/window.py" line="45"/>
        <source>LM Anatomy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/window.py" line="59"/>
        <source>Empty prompt: type something to see the model at work.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/window.py" line="122"/>
        <source>Explore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/window.py" line="165"/>
        <source>Loading {0} …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/window.py" line="180"/>
        <source>This model loaded with a warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/window.py" line="186"/>
        <source>Could not open that model; still showing {0}. {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/window.py" line="188"/>
        <source>Could not open the model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/window.py" line="206"/>
        <source>The prompt box holds at most {0:,} characters, so the last {1:,} were left out. The model reads only the end of a long prompt anyway (its context window).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/window.py" line="244"/>
        <source>Nothing to show for this text: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/worksheets.py" line="117"/>
        <source>Worksheets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/worksheets.py" line="124"/>
        <source>Include the answer key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/worksheets.py" line="125"/>
        <source>Show the answers and add them to the print and the PDF, on their own page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/worksheets.py" line="130"/>
        <source>Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/worksheets.py" line="130"/>
        <source>Save as PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/worksheets.py" line="131"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/worksheets.py" line="136"/>
        <source>Worksheet:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/worksheets.py" line="158"/>
        <source>&lt;p&gt;No worksheets were found in {0}.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/worksheets.py" line="168"/>
        <source>Print worksheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/worksheets.py" line="176"/>
        <source>Save worksheet as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/worksheets.py" line="177"/>
        <source>PDF (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/worksheets.py" line="182"/>
        <source>&lt;p&gt;&lt;b&gt;Could not save {0}:&lt;/b&gt; {1}&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AblationComparison</name>
    <message>
        <location filename="../../app/explore/panels/ablation.py" line="36"/>
        <source>Nothing is switched off. Choose &lt;b&gt;switch it off&lt;/b&gt; above the grid and click a head, or untick a layer&apos;s MLP, to see what the model predicts without it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/ablation.py" line="48"/>
        <source>probability of the next token (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/ablation.py" line="53"/>
        <source>whole model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/ablation.py" line="53"/>
        <source>parts switched off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/ablation.py" line="58"/>
        <source>Logit lens, whole model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/ablation.py" line="59"/>
        <source>Logit lens, parts switched off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/ablation.py" line="93"/>
        <source>{0}. Top token “{1}”: {2:.1f}% → {3:.1f}%</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AblationControls</name>
    <message>
        <location filename="../../app/explore/panels/ablation_controls.py" line="36"/>
        <source>look at it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/ablation_controls.py" line="37"/>
        <source>switch it off or on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/ablation_controls.py" line="38"/>
        <source>A switched-off head adds nothing to the residual stream: its output is zeroed before W_O. Every stage then shows the changed model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/ablation_controls.py" line="45"/>
        <source>Which heads matter here?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/ablation_controls.py" line="46"/>
        <source>Switch each head off in turn and colour it by how much the top next token&apos;s probability falls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/ablation_controls.py" line="50"/>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/ablation_controls.py" line="54"/>
        <source>Click a head to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/ablation_controls.py" line="67"/>
        <source>Clear switched-off parts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/ablation_controls.py" line="68"/>
        <source>colour the grid by the scan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/ablation_controls.py" line="76"/>
        <source>MLP on in layer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/ablation_controls.py" line="115"/>
        <source>Untick to switch off the MLP of layer {0}: it then adds nothing to the residual stream</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/ablation_controls.py" line="163"/>
        <source>Top next token “{0}” ({1:.1f}%). Each head shows how many percentage points it loses when that head is switched off too; yellow: the prediction leans on the head.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/ablation_controls.py" line="168"/>
        <source>Stopped after {0} of {1} layers.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AttentionPanel</name>
    <message>
        <location filename="../../app/explore/panels/attention.py" line="52"/>
        <source>Before / after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/attention.py" line="62"/>
        <source>Every layer × head</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/attention.py" line="71"/>
        <source>Logit lens: what each layer would guess for the next token</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BlockPanel</name>
    <message>
        <location filename="../../app/explore/panels/block.py" line="25"/>
        <source>The block (layer) to look inside</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block.py" line="26"/>
        <source>The attention head shown in step 2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block.py" line="30"/>
        <source>Click a token (or use ← →) to follow it through the block</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block.py" line="37"/>
        <source>Layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block.py" line="37"/>
        <source>Head</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block.py" line="55"/>
        <location filename="../../app/explore/panels/block.py" line="57"/>
        <source>{0} of {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block.py" line="113"/>
        <source> (the last: it follows the prompt as you type)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block.py" line="114"/>
        <source>Following token #{0} “{1}”{2} through block {3} of {4}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BpeMerges</name>
    <message>
        <location filename="../../app/explore/panels/bpe_merges.py" line="15"/>
        <source>{0} piece</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/bpe_merges.py" line="16"/>
        <source>{0} pieces</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChallengesPanel</name>
    <message>
        <location filename="../../app/explore/panels/challenges.py" line="68"/>
        <source>Compute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges.py" line="69"/>
        <source>Bias</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/challenges.py" line="70"/>
        <source>Interpretability</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CheckpointList</name>
    <message>
        <location filename="../../app/training/pretrain_views.py" line="71"/>
        <source>snapshot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/training/pretrain_views.py" line="76"/>
        <source>latest checkpoint</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContinuedForm</name>
    <message>
        <location filename="../../app/training/continued_form.py" line="30"/>
        <source>Your text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/training/continued_form.py" line="76"/>
        <source>This base model reads {ctx} tokens at a time, so your text needs at least {need} tokens with its tokenizer (one training window; a tenth of the text is held out to measure progress).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/training/continued_form.py" line="94"/>
        <source>&lt;b&gt;Too short:&lt;/b&gt; {have} tokens with the base model&apos;s tokenizer, fewer than one training window of {need}. Add about {more} more characters of text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/training/continued_form.py" line="98"/>
        <source>{have} tokens with the base model&apos;s tokenizer: enough (at least {need} needed).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContinuedPanel</name>
    <message>
        <location filename="../../app/training/continued.py" line="105"/>
        <source>Checking your text against the base model…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/training/continued.py" line="152"/>
        <source>Your text is too short for this base model: see above.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EmbeddingsPanel</name>
    <message>
        <location filename="../../app/explore/panels/embeddings.py" line="121"/>
        <source>All {0} token vectors, flattened to 2D</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/embeddings.py" line="122"/>
        <source>Grey dots: every token in the vocabulary. Coloured: the {0} of your text, labelled where the labels do not overlap (hover a dot for its token). Click any dot to see its nearest neighbours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/embeddings.py" line="125"/>
        <source>different token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/embeddings.py" line="125"/>
        <source>different tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/embeddings.py" line="201"/>
        <source>“{0}” (id {1}): blue negative, gold positive, ±{2}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <location filename="../../app/i18n.py" line="98"/>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/i18n.py" line="99"/>
        <source>LM Anatomy will start in {0} next time. Restart now? Your prompt and settings are kept.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LayerChart</name>
    <message>
        <location filename="../../app/explore/panels/block_charts.py" line="247"/>
        <source>in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block_charts.py" line="247"/>
        <source>L{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block_charts.py" line="259"/>
        <source>‖residual stream‖ after the block</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block_charts.py" line="260"/>
        <source>‖attention added‖</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block_charts.py" line="260"/>
        <source>‖MLP added‖</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/block_charts.py" line="281"/>
        <source>layer {0}: attention added {1:.2f}, MLP added {2:.2f}; residual stream {3:.2f} → {4:.2f}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LossCurves</name>
    <message>
        <location filename="../../app/training/continued_views.py" line="28"/>
        <source>training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/training/continued_views.py" line="29"/>
        <source>held out (your text)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MessagePage</name>
    <message>
        <location filename="../../app/common/pages.py" line="49"/>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/common/pages.py" line="50"/>
        <source>Try loading the same model folder again</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NeuronList</name>
    <message>
        <location filename="../../app/explore/panels/block_charts.py" line="182"/>
        <source>neuron: in → out</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OutputPanel</name>
    <message>
        <location filename="../../app/explore/panels/output.py" line="61"/>
        <source>probability (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/output.py" line="168"/>
        <source>cut (model {0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/output.py" line="170"/>
        <source>(model {0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/output.py" line="176"/>
        <source>Next token: the top candidates</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OverviewPanel</name>
    <message numerus="yes">
        <location filename="../../app/explore/panels/overview.py" line="153"/>
        <source>Open the Attention stage on layer %n</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/explore/panels/overview.py" line="157"/>
        <source>Open the logit lens at layer %n: what the model would predict after this block, its MLP included (Attention stage)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/overview.py" line="174"/>
        <source>Click a box to open its stage: a block&apos;s self-attention opens the Attention stage on that layer, its MLP the logit lens row for that layer (what the model would predict after the block).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PretrainForm</name>
    <message>
        <location filename="../../app/training/controls.py" line="35"/>
        <source>about {ms} ms a step on {device}, measured on this computer: {steps} steps take about {total} (evaluation and samples add a little)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PromptBar</name>
    <message>
        <location filename="../../app/explore/prompt.py" line="52"/>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/prompt.py" line="53"/>
        <source>Empty the prompt box and the generated text</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PromptEdit</name>
    <message>
        <location filename="../../app/explore/prompt.py" line="20"/>
        <source>Type a prompt… (for example: To be, or not to be)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SamplingControls</name>
    <message>
        <location filename="../../app/explore/panels/sampling.py" line="39"/>
        <source>off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/sampling.py" line="47"/>
        <source>0 is greedy decoding: always the most likely token. Below 1 sharpens the distribution, above 1 flattens it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/sampling.py" line="49"/>
        <source>Keep only the k most likely tokens (off: keep all).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/sampling.py" line="50"/>
        <source>Keep the fewest most likely tokens whose probabilities add up to at least p (1.00: keep all).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/sampling.py" line="60"/>
        <source>Temperature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/sampling.py" line="61"/>
        <source>Top-k</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/sampling.py" line="62"/>
        <source>Top-p</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/sampling.py" line="64"/>
        <source>Step ▸</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/sampling.py" line="65"/>
        <location filename="../../app/explore/panels/sampling.py" line="120"/>
        <location filename="../../app/explore/panels/sampling.py" line="128"/>
        <source>Play ▶</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/sampling.py" line="67"/>
        <source>Undo ◂</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/sampling.py" line="71"/>
        <source> tokens/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/sampling.py" line="83"/>
        <source>Shape the distribution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/sampling.py" line="86"/>
        <source>Generate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/sampling.py" line="88"/>
        <source>Click a bar to force that token as the next one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/sampling.py" line="106"/>
        <location filename="../../app/explore/panels/sampling.py" line="116"/>
        <source>0 (greedy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/sampling.py" line="107"/>
        <location filename="../../app/explore/panels/sampling.py" line="117"/>
        <source> (off)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/sampling.py" line="110"/>
        <source>Temperature 0 is greedy decoding: always the most likely token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/sampling.py" line="120"/>
        <location filename="../../app/explore/panels/sampling.py" line="128"/>
        <source>Pause ❚❚</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TokenHeatmap</name>
    <message>
        <location filename="../../app/explore/panels/heatmap.py" line="26"/>
        <source>query (looking)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/explore/panels/heatmap.py" line="27"/>
        <source>key (looked at)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <location filename="../../app/training/controls.py" line="102"/>
        <source>Files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/training/controls.py" line="102"/>
        <source>Folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/training/controls.py" line="110"/>
        <source>A folder of .txt files</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
