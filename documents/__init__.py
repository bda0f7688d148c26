"""The records layer under every governance module: registration numbers (``numbering``) and the
official .docx letterhead with PDF conversion (``docx``). Correspondence, appeals, retention and
the archive export arrive here with their issues. Nothing here imports a governance module.
"""
