<#-- Shown by zt-deny: a plain refusal with a support reference, and nothing about why (that stays with the SOC). -->
<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=false; section>
    <#if section = "header">
        ${msg("ztDeniedTitle")}
    <#elseif section = "form">
        <div id="zt-denied" role="alert">
            <p class="instruction">${msg("ztDeniedText")}</p>
            <p class="instruction">${msg("ztDeniedReferenceLabel")}
                <strong id="zt-reference" class="zt-reference">${ztReference!""}</strong></p>
            <p class="instruction">${msg("ztDeniedHelp")}</p>
            <#if client?? && client.baseUrl?has_content>
                <p><a id="backToApplication" href="${client.baseUrl}">${msg("backToApplication")}</a></p>
            </#if>
        </div>
    </#if>
</@layout.registrationLayout>
