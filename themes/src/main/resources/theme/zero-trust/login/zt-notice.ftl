<#-- The risk notice shared by the pages that explain themselves (data: RiskNotice.addTo in the authenticators). -->
<#-- One sentence of the notice; message arguments cannot be spread from a list, hence the explicit arities. -->
<#macro reason line>
    <#if line.parameters?size == 0>${msg(line.messageKey)}<#elseif line.parameters?size == 1>${msg(line.messageKey, line.parameters[0])}<#else>${msg(line.messageKey, line.parameters[0], line.parameters[1])}</#if>
</#macro>

<#-- A box titled in words (the colour means nothing of its own); role=status is read out once by screen readers
     without moving focus away from the field the user is about to fill in. -->
<#macro box id title intro reasons=[]>
    <div id="${id}" class="zt-risk-notice" role="status" aria-labelledby="${id}-title">
        <p id="${id}-title" class="zt-risk-notice__title">${title}</p>
        <p class="zt-risk-notice__intro">${intro}</p>
        <#if reasons?has_content>
            <ul class="zt-risk-notice__reasons">
                <#list reasons as line>
                    <li><@reason line=line/></li>
                </#list>
            </ul>
        </#if>
    </div>
</#macro>
